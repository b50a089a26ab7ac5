/**
 * `where` conditions, typed by the docs' annotation of each queryable name:
 * equality everywhere (case-insensitive for text, with `%` at either end
 * matching any prefix or suffix, as the docs describe), and `gt`, `gte`, `lt`,
 * `lte` on numbers, ids, dates and date-times. A condition on an association
 * (`where[emails][address]=...`) keeps the records with a matching associated
 * record. A queryable name the records do not carry (`search_name`) is accepted
 * and reported as not applied.
 */
import { badParameter, type ErrorDocument } from "../dataset/errors.js";
import type { Dataset } from "../dataset/dataset.js";
import { linkagesOf, type FixtureRecord } from "../dataset/records.js";
import { associationNamed, relatedRecords } from "../dataset/related.js";
import type { Resource } from "../spec/types.js";
import type { Operator, WhereClause } from "./query.js";

type Kind = "number" | "boolean" | "time" | "id" | "text";
type Predicate = (record: FixtureRecord) => boolean;

export type WhereResult = { keep: Predicate; ignored: string[] } | { error: ErrorDocument };

export function whereFilter(dataset: Dataset, resource: Resource, clauses: readonly WhereClause[]): WhereResult {
  const predicates: Predicate[] = [];
  const ignored: string[] = [];
  for (const clause of clauses) {
    const result =
      clause.associationAttribute === undefined ? attributeCondition(resource, clause) : associationCondition(dataset, resource, clause);
    if ("error" in result) return result;
    if (result.predicate === undefined) ignored.push(clause.parameter);
    else predicates.push(result.predicate);
  }
  return { keep: (record) => predicates.every((p) => p(record)), ignored };
}

type Condition = { predicate?: Predicate } | { error: ErrorDocument };

function attributeCondition(resource: Resource, clause: WhereClause): Condition {
  const parameter = resource.query.where.find((w) => w.name === clause.name);
  if (parameter === undefined) {
    const names = resource.query.where.map((w) => w.name).join(", ") || "nothing";
    return { error: badParameter(clause.parameter, `${resource.type} cannot be queried by ${clause.name}; it can be queried by ${names}`) };
  }
  const operand = operandOf(resource, clause.name);
  if (operand === undefined) return {};
  const test = comparison(kindOf(parameter.type), clause);
  return "error" in test ? test : { predicate: (record) => operand(record).some(test.matches) };
}

function associationCondition(dataset: Dataset, resource: Resource, clause: WhereClause): Condition {
  const association = resource.query.include.includes(clause.name) ? associationNamed(dataset, resource, clause.name) : undefined;
  const target = association === undefined ? undefined : dataset.resources.get(association.target);
  if (association === undefined || target === undefined) {
    return { error: badParameter(clause.parameter, `${clause.name} is not an association of ${resource.type} that can be queried`) };
  }
  const attribute = clause.associationAttribute!;
  const type = target.query.where.find((w) => w.name === attribute)?.type ?? target.attributes.find((a) => a.name === attribute)?.type;
  const operand = operandOf(target, attribute);
  if (type === undefined || operand === undefined) {
    return { error: badParameter(clause.parameter, `${target.type} has no attribute ${attribute} to query by`) };
  }
  const test = comparison(kindOf(type), { ...clause, operator: undefined });
  if ("error" in test) return test;
  return { predicate: (record) => relatedRecords(dataset, resource, record, association).some((r) => operand(r).some(test.matches)) };
}

/** The values a record holds for a queryable name: an attribute, its id, or a relationship's ids (`person_id`). */
function operandOf(resource: Resource, name: string): ((record: FixtureRecord) => unknown[]) | undefined {
  if (name === "id") return (record) => [record.id];
  if (resource.attributes.some((a) => a.name === name)) return (record) => [record.attributes[name]];
  const relationship = name.endsWith("_id") ? resource.relationships.find((r) => r.name === name.slice(0, -3)) : undefined;
  if (relationship !== undefined) return (record) => linkagesOf(record.relationships[relationship.name]?.data).map((l) => l.id);
  return undefined;
}

function kindOf(type: string): Kind {
  if (type === "integer" || type === "float") return "number";
  if (type === "boolean") return "boolean";
  if (type === "date" || type === "date_time") return "time";
  if (type === "primary_key") return "id";
  return "text";
}

const ORDERED: ReadonlySet<Kind> = new Set(["number", "time", "id"]);

const EXPECTED: Record<Kind, string> = {
  number: "a number",
  boolean: "true or false",
  time: "an ISO 8601 date or time",
  id: "an id",
  text: "text",
};

function comparison(
  kind: Kind,
  clause: Pick<WhereClause, "parameter" | "name" | "operator" | "value">,
): { matches: (actual: unknown) => boolean } | { error: ErrorDocument } {
  const { operator, value } = clause;
  if (operator !== undefined && !ORDERED.has(kind)) {
    return {
      error: badParameter(clause.parameter, `${operator} compares numbers, ids, dates and times; ${clause.name} is ${EXPECTED[kind]}`),
    };
  }
  const wanted = parse(operator === undefined && kind === "id" ? "text" : kind, value);
  if (wanted === undefined)
    return { error: badParameter(clause.parameter, `${clause.parameter} must be ${EXPECTED[kind]}, not ${JSON.stringify(value)}`) };
  if (kind === "text") return { matches: textMatcher(value) };
  if (kind === "boolean") return { matches: (actual) => actual === wanted };
  if (kind === "id" && operator === undefined)
    return { matches: (actual) => actual !== null && actual !== undefined && String(actual) === value };
  // Numbers, times, and ids under an operator: compared as numbers.
  return {
    matches: (actual) => {
      const have = kind === "time" ? Date.parse(String(actual)) : Number(actual);
      return actual !== null && actual !== undefined && !Number.isNaN(have) && compare(have, operator, wanted as number);
    },
  };
}

function parse(kind: Kind, value: string): number | boolean | string | undefined {
  switch (kind) {
    case "number":
    case "id": {
      const n = Number(value);
      return value.trim() === "" || Number.isNaN(n) ? undefined : n;
    }
    case "boolean":
      return value === "true" ? true : value === "false" ? false : undefined;
    case "time": {
      const ms = Date.parse(value);
      return Number.isNaN(ms) ? undefined : ms;
    }
    case "text":
      return value;
  }
}

function compare(have: number, operator: Operator | undefined, wanted: number): boolean {
  switch (operator) {
    case undefined:
      return have === wanted;
    case "gt":
      return have > wanted;
    case "gte":
      return have >= wanted;
    case "lt":
      return have < wanted;
    case "lte":
      return have <= wanted;
  }
}

/** Case-insensitive equality; a `%` at the start or end matches any prefix or suffix. */
function textMatcher(pattern: string): (actual: unknown) => boolean {
  const lower = pattern.toLowerCase();
  const anyPrefix = lower.startsWith("%");
  const anySuffix = lower.length > 1 && lower.endsWith("%");
  const core = lower.slice(anyPrefix ? 1 : 0, anySuffix ? -1 : undefined);
  return (actual) => {
    if (actual === null || actual === undefined) return false;
    const text = String(actual).toLowerCase();
    if (anyPrefix && anySuffix) return text.includes(core);
    if (anyPrefix) return text.endsWith(core);
    if (anySuffix) return text.startsWith(core);
    return text === core;
  };
}
