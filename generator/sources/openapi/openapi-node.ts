/**
 * Walking a parsed OpenAPI document without trusting it: every value is read
 * through these helpers, which answer `undefined` for a missing or mistyped
 * value and keep the JSON pointer of what they read, so that any fact the
 * mapper cannot use is reported at its place in the document.
 */
import { toPointer } from "../../json-text.js";

export type JsonObject = Readonly<Record<string, unknown>>;

export interface Node {
  value: unknown;
  path: readonly (string | number)[];
}

export const pointerOf = (node: Node): string => toPointer(node.path);

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function child(node: Node, key: string | number): Node {
  const value = isObject(node.value) && typeof key === "string" && Object.hasOwn(node.value, key) ? node.value[key] : Array.isArray(node.value) && typeof key === "number" ? node.value[key] : undefined;
  return { value, path: [...node.path, key] };
}

export function entries(node: Node): [string, Node][] {
  return isObject(node.value) ? Object.keys(node.value).map((key) => [key, child(node, key)]) : [];
}

export function elements(node: Node): Node[] {
  return Array.isArray(node.value) ? node.value.map((_, i) => child(node, i)) : [];
}

export const text = (node: Node): string | undefined => (typeof node.value === "string" ? node.value : undefined);

/** The first value of a one-value `enum`, as the documents write a resource's `type`. */
export const enumValues = (node: Node): string[] => elements(child(node, "enum")).flatMap((e) => (typeof e.value === "string" ? [e.value] : []));

/**
 * Follows local `$ref`s (`#/components/...`), at most a few deep: a document
 * that refers in a circle is answered with the last node reached.
 */
export function resolve(root: Node, node: Node): Node {
  let current = node;
  for (let hops = 0; hops < 8; hops += 1) {
    const ref = isObject(current.value) ? current.value["$ref"] : undefined;
    if (typeof ref !== "string" || !ref.startsWith("#/")) return current;
    let target: Node = root;
    for (const part of ref.slice(2).split("/")) target = child(target, part.replace(/~1/g, "/").replace(/~0/g, "~"));
    if (target.value === undefined) return current;
    current = target;
  }
  return current;
}

/** The name a `$ref` points at: `#/components/schemas/group_resource` → `group_resource`. */
export function refName(node: Node): string | undefined {
  const ref = isObject(node.value) ? node.value["$ref"] : undefined;
  return typeof ref === "string" ? ref.slice(ref.lastIndexOf("/") + 1) : undefined;
}
