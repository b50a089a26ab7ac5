/**
 * The spec contract, derived from its one source, `generator/spec/types.ts`:
 * the JSON Schema (with ts-json-schema-generator, JSDoc tags and all), the
 * module that holds it for the generator's own validation, and the field table
 * of docs/spec.md. Run by `npm run spec:schema`, and by the test that fails
 * when the committed copies disagree with the types. A development tool: the
 * generator itself only imports what it writes.
 */
import path from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import { packageRoot } from "../../util/package-root.js";

export type JsonSchema = { [keyword: string]: unknown };

export const TYPES_FILE = "generator/spec/types.ts";
export const SCHEMA_MODULE = "generator/spec/schema.ts";
export const SCHEMA_JSON = "spec/spec.schema.json";
export const SPEC_DOC = "docs/spec.md";

const TABLE_START = "<!-- fields: written by `npm run spec:schema` from generator/spec/types.ts -->";
const TABLE_END = "<!-- end of fields -->";

/** The schema of a spec file, as the types and their JSDoc say. */
export function schemaFromTypes(root = packageRoot()): JsonSchema {
  const generator = createGenerator({
    path: path.join(root, TYPES_FILE),
    tsconfig: path.join(root, "tsconfig.json"),
    type: "Spec",
    // Every type inlined: the schema reads top to bottom, as the spec file does.
    expose: "none",
    topRef: false,
    jsDoc: "extended",
    markdownDescription: false,
    additionalProperties: false,
    sortProps: false,
    skipTypeCheck: true,
    extraTags: ["not"],
  });
  const { definitions, ...schema } = generator.createSchema("Spec") as JsonSchema;
  // Everything is inlined, so `definitions` is empty; one that is not means a type the options failed to inline.
  const named = Object.keys((definitions ?? {}) as object);
  if (named.length > 0) throw new Error(`the spec schema has definitions: ${named.join(", ")}`);
  return schema;
}

/** spec/spec.schema.json: what `scrape` writes beside the specs, for tools outside the generator. */
export function schemaJson(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** generator/spec/schema.ts: the schema as a module, for ajv, without the types' compiler at run time. */
export function schemaModule(schema: JsonSchema): string {
  return [
    "/**",
    " * The JSON Schema of a spec file. Every spec is validated against it before it",
    " * is written, and tests validate the committed ones; `scrape` writes it to",
    " * `spec/spec.schema.json` for tools outside the generator.",
    " *",
    " * Written by `npm run spec:schema` from ./types.ts: edit the types, not this file.",
    " */",
    `export const specSchema = ${JSON.stringify(schema, null, 2)} as const;`,
    "",
  ].join("\n");
}

interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  description: string;
}

/** One row per field, depth first, named by its path from the spec (`resources[].query.perPage.max`). */
function fieldRows(schema: JsonSchema, prefix: string, rows: FieldRow[]): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [name, property] of Object.entries(properties)) {
    const at = prefix === "" ? name : `${prefix}.${name}`;
    rows.push({ path: at, type: typeText(property), required: required.has(name), description: descriptionOf(property) });
    if (property.type === "object") fieldRows(property, at, rows);
    const items = property.items as JsonSchema | undefined;
    if (property.type === "array" && items?.type === "object") fieldRows(items, `${at}[]`, rows);
  }
  return rows;
}

/** `|` ends a table cell, even inside a code span. */
const cell = (text: string) => text.replace(/\|/g, "\\|");

function typeText(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" \\| ");
  const items = schema.items as JsonSchema | undefined;
  const base =
    schema.type === "array" && items !== undefined
      ? `${items.type === "object" ? "object" : typeText(items)}[]`
      : typeof schema.type === "string"
        ? schema.type
        : "any JSON";
  const limits = [
    schema.minLength === 1 ? "non-empty" : undefined,
    typeof schema.pattern === "string" ? `\`${cell(schema.pattern)}\`` : undefined,
    typeof schema.minimum === "number" ? `≥ ${schema.minimum}` : undefined,
    typeof schema.maximum === "number" ? `≤ ${schema.maximum}` : undefined,
    schema.uniqueItems === true ? "unique" : undefined,
  ].filter((limit) => limit !== undefined);
  return limits.length === 0 ? base : `${base} (${limits.join(", ")})`;
}

function descriptionOf(schema: JsonSchema): string {
  const text = typeof schema.description === "string" ? schema.description : "";
  return cell(text.replace(/\s+/g, " ").trim());
}

/** The markdown table of every field of the contract. */
export function fieldTable(schema: JsonSchema): string {
  const rows = fieldRows(schema, "", []);
  return [
    "| field | type | required | what |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| \`${r.path}\` | ${r.type} | ${r.required ? "yes" : ""} | ${r.description} |`),
  ].join("\n");
}

/** docs/spec.md with its field table replaced; the page must hold the table's two markers. */
export function withFieldTable(page: string, table: string): string {
  const start = page.indexOf(TABLE_START);
  const end = page.indexOf(TABLE_END, start);
  if (start === -1 || end === -1) throw new Error(`${SPEC_DOC} lacks the markers of its field table (${TABLE_START} ... ${TABLE_END})`);
  return `${page.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${page.slice(end)}`;
}
