import { cataloguePrompts, gatePrompts } from "../clinical";

/** Every prompt assessPhoto uses without caller labels: the catalogue's and the not-skin gate's. */
export function defaultPrompts(): string[] {
  return [...new Set([...Object.values(cataloguePrompts()), ...Object.values(gatePrompts)].flat())];
}
