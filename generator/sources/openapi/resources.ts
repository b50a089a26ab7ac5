/**
 * Resources of an official OpenAPI document: one per `<type>_resource` schema,
 * whose `type` is a one-value enum. Attributes come from its `attributes`
 * schema, relationships from its `relationships` properties.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { Located, ResourceDraft } from "../../spec/draft.js";
import type { Attribute, Relationship } from "../../spec/types.js";
import { mapSchemaType } from "./attribute-type.js";
import { child, entries, enumValues, isObject, originAt, pointerOf, resolve, text, type Node, type RootNode } from "./openapi-node.js";
import { resourceType } from "./operations.js";

export interface ResourceBuild {
  draft: ResourceDraft;
}

export function readResources(root: RootNode, file: string, diagnostics: Diagnostic[]): Map<string, ResourceBuild> {
  const builds = new Map<string, ResourceBuild>();
  for (const [name, schema] of entries(child(child(root, "components"), "schemas"))) {
    if (!name.endsWith("_resource")) continue;
    const type = resourceType(schema);
    if (type === undefined) {
      diagnostics.push(
        diagnostic("warning", "OPENAPI_UNTYPED_RESOURCE", `the schema ${name} has no one-value "type" enum; it is not read as a resource`, {
          file,
          pointer: pointerOf(schema),
        }),
      );
      continue;
    }
    if (builds.has(type)) {
      diagnostics.push(
        diagnostic("warning", "OPENAPI_DUPLICATE_RESOURCE", `a second schema (${name}) describes ${type}; the first is kept`, {
          file,
          pointer: pointerOf(schema),
        }),
      );
      continue;
    }
    builds.set(type, { draft: resourceOf(root, type, schema, file, diagnostics) });
  }
  return builds;
}

function resourceOf(root: RootNode, type: string, schema: Node, file: string, diagnostics: Diagnostic[]): ResourceDraft {
  const properties = child(schema, "properties");
  const attributesSchema = resolve(root, child(properties, "attributes"));
  const description = text(child(attributesSchema, "description"))?.trim();
  const id: Located<Attribute> = {
    name: "id",
    type: "primary_key",
    mappedFrom: "openapi resource id",
    origin: originAt(file, child(properties, "id")),
  };
  return {
    type,
    id: snakeCase(type),
    origin: originAt(file, schema),
    ...(description ? { description } : {}),
    deprecated: false,
    attributes: [
      id,
      ...entries(child(attributesSchema, "properties")).map(([name, node]) => attributeOf(root, name, node, file, diagnostics)),
    ],
    relationships: entries(child(child(properties, "relationships"), "properties")).flatMap(([name, node]) =>
      relationshipOf(name, node, file, diagnostics),
    ),
    associations: [],
    actions: [],
    endpoints: [],
    query: { where: [], order: [], include: [] },
    permissions: { create: false, update: false, destroy: false },
  };
}

function attributeOf(root: RootNode, name: string, node: Node, file: string, diagnostics: Diagnostic[]): Located<Attribute> {
  const schema = resolve(root, node);
  const mapped = mapSchemaType(isObject(schema.value) ? schema.value : {});
  const origin = originAt(file, node);
  if (!mapped.understood) {
    diagnostics.push(
      diagnostic(
        "warning",
        "OPENAPI_UNMAPPED_TYPE",
        `the attribute ${name} has no type the spec can map (${mapped.mappedFrom}); typed unknown`,
        origin,
      ),
    );
  }
  const description = text(child(schema, "description"))?.trim();
  return { name, type: mapped.type, ...(description ? { description } : {}), mappedFrom: mapped.mappedFrom, origin };
}

function relationshipOf(name: string, node: Node, file: string, diagnostics: Diagnostic[]): Located<Relationship>[] {
  const data = child(child(node, "properties"), "data");
  const toMany = child(data, "type").value === "array";
  const targets = enumValues(child(child(toMany ? child(data, "items") : data, "properties"), "type"));
  const origin = originAt(file, node);
  if (targets.length === 0) {
    diagnostics.push(
      diagnostic("warning", "OPENAPI_UNTYPED_RELATIONSHIP", `the relationship ${name} names no target type; skipped`, origin),
    );
    return [];
  }
  const note = text(child(node, "description"))?.trim();
  return [
    {
      name,
      target: [...targets].sort()[0]!,
      toMany,
      ...(targets.length > 1 ? { polymorphic: true } : {}),
      ...(note ? { note } : {}),
      origin,
    },
  ];
}

/** `WebhookSubscription` → `webhook_subscription`, the documentation API's id for a resource. */
export function snakeCase(type: string): string {
  // A word starts at a capital after a lower-case letter or digit, or at the last capital of a run that a
  // lower-case letter follows (`HTTPRequest` → `http_request`). One pass, no backtracking.
  let out = "";
  for (let i = 0; i < type.length; i++) {
    const char = type[i]!;
    const before = type[i - 1] ?? "";
    const after = type[i + 1] ?? "";
    const startsWord = isUpper(char) && (isLowerOrDigit(before) || (isUpper(before) && isLower(after)));
    out += (startsWord ? "_" : "") + char.toLowerCase();
  }
  return out;
}

const isUpper = (c: string) => c >= "A" && c <= "Z";
const isLower = (c: string) => c >= "a" && c <= "z";
const isLowerOrDigit = (c: string) => isLower(c) || (c >= "0" && c <= "9");
