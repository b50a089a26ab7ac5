/**
 * Walking a parsed OpenAPI document without trusting it: every value is read
 * through these helpers, which answer `undefined` for a missing or mistyped
 * value and know where they read it, so that any fact the mapper cannot use is
 * reported at its JSON pointer. A node holds its parent and key only: the
 * pointer is spelled out when a diagnostic or an origin asks for it (the
 * largest documents are walked through hundreds of thousands of nodes).
 */
import type { Origin } from "../../diagnostics.js";
import { toPointer } from "../../json-text.js";

export type JsonObject = Readonly<Record<string, unknown>>;

export interface Node {
  value: unknown;
  parent: Node | undefined;
  key: string | number | undefined;
}

/** A document's root: it also holds where each `$ref` of the document leads, found once. */
export interface RootNode extends Node {
  targets: Map<string, Node>;
}

export const rootNode = (value: unknown): RootNode => ({ value, parent: undefined, key: undefined, targets: new Map() });

export function pointerOf(node: Node): string {
  const path: (string | number)[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) path.push(at.key);
  return toPointer(path.reverse());
}

/**
 * Where a fact was read, its pointer spelled out on first use: a fact's origin
 * is read only when a diagnostic names it, and the largest documents hold tens
 * of thousands of facts that never produce one.
 */
export function originAt(file: string, node: Node): Origin {
  let pointer: string | undefined;
  return {
    file,
    get pointer(): string {
      pointer ??= pointerOf(node);
      return pointer;
    },
  };
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

/**
 * Follows local `$ref`s (`#/components/...`), at most a few deep: a document
 * that refers in a circle is answered with the last node reached.
 */
export function resolve(root: RootNode, node: Node): Node {
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

/** `resolve(root, child(node, key))`, with no node made for a `$ref` that leads somewhere (most parameters are one). */
export function resolveChild(root: RootNode, node: Node, key: string | number): Node {
  const value = typeof key === "number" ? (Array.isArray(node.value) ? node.value[key] : undefined) : member(node.value, key);
  const ref = member(value, "$ref");
  if (typeof ref === "string" && ref.startsWith("#/")) {
    const target = targetOf(root, ref);
    if (target.value !== undefined) return resolve(root, target);
  }
  return resolve(root, child(node, key));
}

/** Where a `$ref` leads, found once per document: the largest documents refer to a thousand parameters seven thousand times. */
function targetOf(root: RootNode, ref: string): Node {
  const known = root.targets;
  const cached = known.get(ref);
  if (cached !== undefined) return cached;
  let target: Node = root;
  for (const part of ref.slice(2).split("/")) target = child(target, part.includes("~") ? unescapeStep(part) : part);
  known.set(ref, target);
  return target;
}

/** A JSON pointer's step as the key it names: `~1` is `/`, `~0` is `~`. */
const unescapeStep = (step: string): string => step.replace(/~1/g, "/").replace(/~0/g, "~");

/**
 * The value at `key`, read without a node: for the facts that carry no origin
 * (what an operation returns or accepts), where a node for every step of the
 * walk would only feed the garbage collector.
 */
export function member(value: unknown, key: string): unknown {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** `member` along a path of keys. */
export function memberAt(value: unknown, ...keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) current = member(current, key);
  return current;
}

/** A value with its local `$ref`s followed, as `resolve` follows a node's. */
export function resolveValue(root: RootNode, value: unknown): unknown {
  let current = value;
  for (let hops = 0; hops < 8; hops += 1) {
    const ref = member(current, "$ref");
    if (typeof ref !== "string" || !ref.startsWith("#/")) return current;
    const target = targetOf(root, ref);
    if (target.value === undefined) return current;
    current = target.value;
  }
  return current;
}

/** The strings of a value's `enum`. */
export const enumOf = (value: unknown): string[] => {
  const list = member(value, "enum");
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === "string") : [];
};

/**
 * The `$ref` a value still holds once `resolve` or `resolveValue` has followed
 * what it can: one that leads outside the document, to nothing, in a circle or
 * more than eight deep. Undefined for any other value.
 */
export function unfollowedRef(value: unknown): string | undefined {
  const ref = member(value, "$ref");
  return typeof ref === "string" ? ref : undefined;
}

/** Why a `$ref` was not followed, as a diagnostic says it: "the parameter's " + this. */
export const unfollowedRefText = (ref: string): string =>
  `$ref ${JSON.stringify(ref)} leads nowhere this reader follows (only "#/" pointers within the document, to a value, not in a circle, at most 8 deep)`;

/** The name a `$ref` points at: `#/components/schemas/group_resource` → `group_resource`. */
export function refName(value: unknown): string | undefined {
  const ref = member(value, "$ref");
  return typeof ref === "string" ? ref.slice(ref.lastIndexOf("/") + 1) : undefined;
}
