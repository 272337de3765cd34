/** Small DOM helpers for the demo page. */

/** The page's element with this id, of the type the HTML (demo/page.ts) gives it; an error names one missing. */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`demo page: no #${id} of type ${type.name}`);
  return el;
}

/** A new element holding text only: the page never parses HTML from the API. */
export function item<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  textContent: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.textContent = textContent;
  if (className) el.className = className;
  return el;
}
