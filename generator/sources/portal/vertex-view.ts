/**
 * A vertex document read the same way whatever its shape. The documentation API
 * serves JSON:API (`data.attributes` for the vertex, `data.relationships.<key>.data`
 * for each section, each item under `attributes`); damaged captures also hold
 * the bare shape, where sections and items are plain values. Readers go through
 * this view and never branch on the shape themselves.
 */
import { JsonNode } from "../../json-node.js";

/** The sections every vertex of the documentation API has. */
export const VERTEX_SECTIONS = [
  "attributes",
  "relationships",
  "permissions",
  "actions",
  "outbound_edges",
  "inbound_edges",
  "can_include",
  "can_order",
  "can_query",
  "per_page",
  "offset",
  "rate_limits",
] as const;
export type VertexSection = (typeof VERTEX_SECTIONS)[number];

export interface VertexView {
  /** The vertex id the document gives, if any. */
  id: string | undefined;
  /** Holds name, description, example, path, collection_only, deprecated. */
  fields: JsonNode;
  /** A section's content (an array or an object), or undefined where the document lacks it. */
  section(key: VertexSection): JsonNode | undefined;
}

export function vertexView(data: JsonNode): VertexView {
  const isJsonApi = data.get("relationships").isRecord && data.get("attributes").isRecord;
  if (isJsonApi) {
    const sections = data.get("relationships");
    return {
      id: data.get("id").text(),
      fields: data.get("attributes"),
      section: (key) => (sections.has(key) ? sections.get(key).get("data") : undefined),
    };
  }
  return {
    id: data.get("id").text(),
    fields: data,
    section: (key) => (data.has(key) ? data.get(key) : undefined),
  };
}

/** Items of a list section: JSON:API resource objects or bare objects alike. */
export function sectionItems(section: JsonNode | undefined): JsonNode[] {
  return section === undefined ? [] : section.elements().filter((e) => e.isRecord);
}

/** An item's own fields: `attributes` of a resource object, or the bare object itself. */
export function itemFields(item: JsonNode): JsonNode {
  return item.get("attributes").isRecord && item.has("type") ? item.get("attributes") : item;
}
