/**
 * Walking a parsed OpenAPI document without trusting it: every value is read
 * through these helpers, which answer `undefined` for a missing or mistyped
 * value and know where they read it, so that any fact the mapper cannot use is
 * reported at its JSON pointer. A node holds its parent and key only: the
 * pointer is spelled out when a diagnostic or an origin asks for it (the
 * largest documents are walked through hundreds of thousands of nodes).
 */
import { toPointer } from "../../json-text.js";

export type JsonObject = Readonly<Record<string, unknown>>;

export interface Node {
  value: unknown;
  parent: Node | undefined;
  key: string | number | undefined;
}

export const rootNode = (value: unknown): Node => ({ value, parent: undefined, key: undefined });

export function pointerOf(node: Node): string {
  const path: (string | number)[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) path.push(at.key);
  return toPointer(path.reverse());
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function child(node: Node, key: string | number): Node {
  const value =
    isObject(node.value) && typeof key === "string" && Object.hasOwn(node.value, key)
      ? node.value[key]
      : Array.isArray(node.value) && typeof key === "number"
        ? node.value[key]
        : undefined;
  return { value, parent: node, key };
}

export function entries(node: Node): [string, Node][] {
  return isObject(node.value) ? Object.keys(node.value).map((key) => [key, child(node, key)]) : [];
}

export function elements(node: Node): Node[] {
  return Array.isArray(node.value) ? node.value.map((_, i) => child(node, i)) : [];
}

export const text = (node: Node): string | undefined => (typeof node.value === "string" ? node.value : undefined);

/** The first value of a one-value `enum`, as the documents write a resource's `type`. */
export const enumValues = (node: Node): string[] =>
  elements(child(node, "enum")).flatMap((e) => (typeof e.value === "string" ? [e.value] : []));

/** Where each `$ref` of a document leads, found once: the largest documents refer to a thousand parameters seven thousand times. */
const targets = new WeakMap<object, Map<string, Node>>();

/**
 * Follows local `$ref`s (`#/components/...`), at most a few deep: a document
 * that refers in a circle is answered with the last node reached.
 */
export function resolve(root: Node, node: Node): Node {
  let current = node;
  for (let hops = 0; hops < 8; hops += 1) {
    const ref = isObject(current.value) ? current.value["$ref"] : undefined;
    if (typeof ref !== "string" || !ref.startsWith("#/")) return current;
    const target = targetOf(root, ref);
    if (target.value === undefined) return current;
    current = target;
  }
  return current;
}

function targetOf(root: Node, ref: string): Node {
  const known = isObject(root.value) ? (targets.get(root.value) ?? new Map<string, Node>()) : new Map<string, Node>();
  if (isObject(root.value)) targets.set(root.value, known);
  const cached = known.get(ref);
  if (cached !== undefined) return cached;
  let target: Node = root;
  for (const part of ref.slice(2).split("/")) target = child(target, part.replace(/~1/g, "/").replace(/~0/g, "~"));
  known.set(ref, target);
  return target;
}

/** The name a `$ref` points at: `#/components/schemas/group_resource` → `group_resource`. */
export function refName(node: Node): string | undefined {
  const ref = isObject(node.value) ? node.value["$ref"] : undefined;
  return typeof ref === "string" ? ref.slice(ref.lastIndexOf("/") + 1) : undefined;
}
