/**
 * The body of a create or update: `{"data": {"type", "id"?, "attributes",
 * "relationships"?}}`. Every attribute must be one the docs let that operation
 * assign, with a value of its documented type (or null); each problem is one
 * 422 error pointing at the member at fault. A body that is not a JSON:API
 * document is a 400; a `type` or `id` that contradicts the URL is a 409, as
 * JSON:API prescribes.
 */
import { MAX_JSON_DEPTH, parseJson } from "../json-text.js";
import { linkageType, type Dataset } from "../dataset/dataset.js";
import { assignableAttributes, bodyPointer, notAssignable, type Assignment } from "../dataset/assignment.js";
import { errorDocument, errorObject, unprocessable, type ErrorDocument } from "../dataset/errors.js";
import type { FixtureRecord, Linkage, RelationshipData } from "../dataset/records.js";
import type { Relationship, Resource } from "../spec/types.js";
import { setOwn } from "../util/own-property.js";
import { expectedOf, fitsType } from "./value-types.js";

export interface Assigned {
  attributes: Record<string, unknown>;
  relationships: FixtureRecord["relationships"];
}

export type BodyResult = { assigned: Assigned } | { status: 400 | 409 | 422; error: ErrorDocument };

type Problem = { pointer: string; detail: string };

/** `recordId` is the id in the URL of an update. */
export function parseBody(text: string, dataset: Dataset, resource: Resource, operation: Assignment, recordId?: string): BodyResult {
  // Refused before anything is stored: a value nested thousands of levels deep would overflow
  // the stack of every later step (rendering, filtering) and break the whole collection.
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const where = `line ${parsed.position.line}, column ${parsed.position.column}`;
    return badRequest(`The request body is not JSON of at most ${MAX_JSON_DEPTH} levels: ${parsed.message} (${where})`);
  }
  const body = parsed.value;
  const data = isObject(body) ? body.data : undefined;
  if (!isObject(data)) return badRequest('The request body must be a JSON:API document: {"data": {"type": ..., "attributes": {...}}}');
  if (data.type !== undefined && data.type !== resource.type) {
    return conflict("/data/type", `This endpoint takes a ${resource.type}, not ${JSON.stringify(data.type)}`);
  }
  if (operation === "update" && data.id !== undefined && data.id !== recordId) {
    return conflict("/data/id", `The body's id ${JSON.stringify(data.id)} is not the id in the URL, ${recordId}`);
  }
  const attributes = data.attributes ?? {};
  const relationships = data.relationships ?? {};
  if (!isObject(attributes))
    return { status: 422, error: unprocessable([{ pointer: "/data/attributes", detail: "attributes must be an object" }]) };
  if (!isObject(relationships))
    return { status: 422, error: unprocessable([{ pointer: "/data/relationships", detail: "relationships must be an object" }]) };

  const problems: Problem[] = [];
  const assigned: Assigned = { attributes: {}, relationships: {} };
  assignAttributes(dataset, resource, operation, attributes, assigned, problems);
  assignRelationships(dataset, resource, relationships, assigned, problems);
  return problems.length > 0 ? { status: 422, error: unprocessable(problems) } : { assigned };
}

function assignAttributes(
  dataset: Dataset,
  resource: Resource,
  operation: Assignment,
  attributes: Record<string, unknown>,
  assigned: Assigned,
  problems: Problem[],
): void {
  const assignable = new Set(assignableAttributes(resource, operation));
  for (const [name, value] of Object.entries(attributes)) {
    if (!assignable.has(name)) {
      problems.push(notAssignable(resource, name, operation));
      continue;
    }
    const attribute = resource.attributes.find((a) => a.name === name);
    if (attribute !== undefined) {
      if (fitsType(attribute.type, value)) setOwn(assigned.attributes, name, value);
      else problems.push({ pointer: bodyPointer("attributes", name), detail: `${name} must be ${expectedOf(attribute.type)} or null` });
      continue;
    }
    // An assignable foreign key the docs list without an attribute (`primary_campus_id`) sets its relationship.
    const relationship = name.endsWith("_id") ? resource.relationships.find((r) => r.name === name.slice(0, -3)) : undefined;
    if (relationship === undefined) continue;
    if (value === null || typeof value === "string" || typeof value === "number") {
      const type = linkageType(dataset.resources, resource, relationship);
      setOwn(assigned.relationships, relationship.name, { data: value === null ? null : { type, id: String(value) } });
    } else {
      problems.push({ pointer: bodyPointer("attributes", name), detail: `${name} must be an id or null` });
    }
  }
}

function assignRelationships(
  dataset: Dataset,
  resource: Resource,
  relationships: Record<string, unknown>,
  assigned: Assigned,
  problems: Problem[],
): void {
  for (const [name, value] of Object.entries(relationships)) {
    const pointer = bodyPointer("relationships", name);
    const relationship = resource.relationships.find((r) => r.name === name);
    if (relationship === undefined) {
      problems.push({ pointer, detail: `${resource.type} has no relationship ${name}` });
      continue;
    }
    const data = isObject(value) ? linkageData(value.data, relationship) : undefined;
    if (data === undefined) {
      const shape = relationship.toMany ? '{"data": [{"type": ..., "id": ...}]}' : '{"data": {"type": ..., "id": ...}} or {"data": null}';
      problems.push({ pointer, detail: `${name} must be ${shape}` });
      continue;
    }
    const type = linkageType(dataset.resources, resource, relationship);
    const wrongType = (Array.isArray(data) ? data : data === null ? [] : [data]).find((l) => l.type !== type && !relationship.polymorphic);
    if (wrongType !== undefined) problems.push({ pointer, detail: `${name} links to ${type} records, not ${wrongType.type}` });
    else setOwn(assigned.relationships, name, { data });
  }
}

/** Resource linkage of the relationship's number: `{type, id}` or null for to-one, an array of them for to-many. */
function linkageData(data: unknown, relationship: Relationship): RelationshipData | undefined {
  if (relationship.toMany) {
    if (!Array.isArray(data)) return undefined;
    const links = data.map(asLinkage);
    return links.every((l): l is Linkage => l !== undefined) ? links : undefined;
  }
  return data === null ? null : asLinkage(data);
}

function asLinkage(value: unknown): Linkage | undefined {
  return isObject(value) && typeof value.type === "string" && typeof value.id === "string" ? { type: value.type, id: value.id } : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function badRequest(detail: string): BodyResult {
  return { status: 400, error: errorDocument(errorObject(400, "invalid_body", detail)) };
}

function conflict(pointer: string, detail: string): BodyResult {
  return { status: 409, error: errorDocument(errorObject(409, "conflict", detail, { pointer })) };
}
