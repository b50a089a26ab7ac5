/**
 * What an operation gives back, decided by the spec item that leads it: a
 * page of records, one record (201 when created), nothing, or what an action
 * returns.
 */
import type { OperationSource } from "./plan.js";
import { returnsCollection } from "./resource-index.js";

export type OperationResult =
  { kind: "collection"; type: string } | { kind: "record"; type: string; status: "200" | "201" } | { kind: "none" } | { kind: "action" };

export function resultOf(source: OperationSource): OperationResult {
  const { item, resource } = source;
  if (item.kind === "action") return { kind: "action" };
  if (item.kind === "association") {
    const { target } = item.association;
    return returnsCollection(source.spec, resource, item.association)
      ? { kind: "collection", type: target }
      : { kind: "record", type: target, status: "200" };
  }
  switch (item.endpoint.operation) {
    case "list":
      return { kind: "collection", type: resource.type };
    case "create":
      return { kind: "record", type: resource.type, status: "201" };
    case "delete":
      return { kind: "none" };
    default:
      return { kind: "record", type: resource.type, status: "200" };
  }
}
