/**
 * One value per isolate for the current key (e.g. the model prefix), opened on first use and shared by
 * all requests. A failed open is not kept, so the next request tries again (e.g. after `model install`).
 */
export function openOnce<T>(): (key: string, open: () => Promise<T>) => Promise<T> {
  let slot: { key: string; opening: Promise<T> } | undefined;
  return (key, open) => {
    if (slot?.key !== key) {
      const current = { key, opening: open() };
      slot = current;
      current.opening.catch(() => {
        if (slot === current) slot = undefined;
      });
    }
    return slot.opening;
  };
}
