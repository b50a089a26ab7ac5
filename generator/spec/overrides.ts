/**
 * Known errors of the docs, fixed where they are read. The project's
 * `overrides.json` lists them: each override names an app and versions, a
 * resource, one of its lists and an item's name (narrowed by field values or
 * by which occurrence of the name), and drops, renames or retypes it.
 *
 * Overrides are applied to every app-version a scrape reads, before a later
 * source or the version choice sets any aside, so that one scrape of two
 * captures sees each fix used. Each application is reported (info), and an
 * override whose app-version was read but which matched nothing is a
 * warning: the docs were fixed, or changed under it, and it should go.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import type { ValidateFunction } from "ajv";
import { diagnostic, GeneratorError, type Diagnostic, type Origin, type StageResult } from "../diagnostics.js";
import { cachedValidator } from "../util/cached-validator.js";
import { displayPath } from "../util/display-path.js";
import { jsonLocator, parseJson, toPointer } from "../json-text.js";
import { packageRoot } from "../util/package-root.js";
import { readCappedText, readFailure } from "../util/read-capped.js";
import type { DraftRead } from "../sources/reader-result.js";
import type { EndpointDraft, NamedDraft, ResourceDraft, SpecDraft } from "./draft.js";
import { isDatedVersion } from "./load.js";
import { pathShape } from "./paths.js";
import { ATTRIBUTE_TYPES } from "./types.js";
import { appendAll } from "../util/append.js";

/** The lists of a resource an override can reach. */
export const OVERRIDE_LISTS = ["attributes", "relationships", "associations", "actions", "where", "order", "include", "endpoints"] as const;
export type OverrideList = (typeof OVERRIDE_LISTS)[number];

/** Lists whose items have a type annotation. */
const TYPED_LISTS: readonly OverrideList[] = ["attributes", "where"];

export interface Override {
  /** An app (`people`), or `*`. */
  app: string;
  /** A version (`2022-07-14`, `legacy`), `*`, or an inclusive range of dated versions. */
  versions: string | { from?: string; to?: string };
  /** The resource's JSON:API type, or `*`. */
  resource: string;
  list: OverrideList;
  /**
   * The item's name as the docs write it (an edge may be named `""`); an
   * endpoint's is its method and path, with or without the host, ids and
   * parameters alike: `POST /services/v2/folders/{folder_id}/service_types`
   * is also `POST https://api.planningcenteronline.com/services/v2/folders/1/service_types`.
   */
  name: string;
  /** Field values the item must have: `{ "type": "integer" }` picks one of two `id`s. */
  match?: Record<string, string | number | boolean>;
  /** Only the n-th item (from 1) of that name and match, in the docs' order: one of two identical items. */
  occurrence?: number;
  action: "drop" | "rename" | "set-type";
  /** The new name (rename; for an endpoint, its method and path) or type annotation (set-type). */
  to?: string;
  /** Why: what is wrong in the docs. Shown with every application. */
  reason: string;
}

export interface OverrideSet {
  /** As the user would name it, for diagnostics. */
  file: string;
  overrides: Override[];
  /** Where override `index` is written. */
  at(index: number): Origin;
}

export const NO_OVERRIDES: OverrideSet = { file: "overrides.json", overrides: [], at: () => ({ file: "overrides.json" }) };

/** An endpoint's name: its method, a space, and its path. */
const ENDPOINT_NAME = "^(GET|POST|PATCH|DELETE) [^ ]+$";

export const OVERRIDES_SCHEMA = {
  type: "object",
  required: ["overrides"],
  additionalProperties: false,
  properties: {
    $comment: { type: "string" },
    overrides: {
      type: "array",
      items: {
        type: "object",
        required: ["app", "versions", "resource", "list", "name", "action", "reason"],
        additionalProperties: false,
        properties: {
          app: { type: "string", minLength: 1 },
          versions: {
            anyOf: [
              { type: "string", minLength: 1 },
              {
                type: "object",
                additionalProperties: false,
                minProperties: 1,
                properties: { from: { type: "string", minLength: 1 }, to: { type: "string", minLength: 1 } },
              },
            ],
          },
          resource: { type: "string", minLength: 1 },
          list: { enum: OVERRIDE_LISTS },
          name: { type: "string" },
          match: { type: "object", additionalProperties: { type: ["string", "number", "boolean"] } },
          occurrence: { type: "integer", minimum: 1 },
          action: { enum: ["drop", "rename", "set-type"] },
          to: { type: "string", minLength: 1 },
          reason: { type: "string", minLength: 1 },
        },
        allOf: [
          // Each `if` requires the action, so that an override without one is told only that.
          { if: { required: ["action"], properties: { action: { const: "drop" } } }, then: { properties: { to: false } } },
          { if: { required: ["action"], properties: { action: { const: "rename" } } }, then: { required: ["to"] } },
          {
            if: { required: ["list"], properties: { list: { const: "endpoints" } } },
            then: { properties: { name: { type: "string", pattern: ENDPOINT_NAME }, to: { type: "string", pattern: ENDPOINT_NAME } } },
          },
          {
            if: { required: ["action"], properties: { action: { const: "set-type" } } },
            then: { required: ["to"], properties: { to: { enum: ATTRIBUTE_TYPES }, list: { enum: TYPED_LISTS } } },
          },
        ],
      },
    },
  },
} as const;

export const OVERRIDES_VALIDATOR_OPTIONS = { allErrors: true, strict: true, allowUnionTypes: true } as const;
let validator: ValidateFunction | undefined;

/** The text of an overrides file → the overrides, or errors that name the file and the position. */
export function parseOverrides(text: string, file: string): StageResult<OverrideSet | undefined> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return { value: undefined, diagnostics: [diagnostic("error", "OVERRIDES_INVALID", `not JSON: ${parsed.message}`, { file, ...parsed.position })] };
  }
  validator ??= cachedValidator(OVERRIDES_SCHEMA, OVERRIDES_VALIDATOR_OPTIONS);
  const locate = jsonLocator(text);
  const at = (pointerPath: readonly (string | number)[]): Origin => ({ file, ...locate(pointerPath), pointer: toPointer(pointerPath) });
  if (!validator(parsed.value)) {
    const diagnostics = (validator.errors ?? []).map((e) => {
      const where = e.instancePath.split("/").slice(1).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
      return diagnostic("error", "OVERRIDES_INVALID", `${e.instancePath || "/"} ${e.message ?? "is invalid"}`, at(where.map((p) => (/^\d+$/.test(p) ? Number(p) : p))));
    });
    // An `if`/`then` failure is followed by ajv's summary of it ("must match \"then\" schema"), which says nothing more.
    return { value: undefined, diagnostics: diagnostics.filter((d) => !d.message.endsWith('must match "then" schema')) };
  }
  const overrides = (parsed.value as { overrides: Override[] }).overrides;
  return { value: { file, overrides, at: (index) => at(["overrides", index]) }, diagnostics: [] };
}

let project: OverrideSet | undefined;

/** The project's own `overrides.json`, beside its package.json. */
export function projectOverrides(): OverrideSet {
  if (project !== undefined) return project;
  const file = path.join(packageRoot(), "overrides.json");
  return (project = existsSync(file) ? loadOverrides(file) : NO_OVERRIDES);
}

/** The most an overrides file may hold: 4 MiB, a thousand times the project's own. */
const MAX_OVERRIDES_BYTES = 4 * 1024 * 1024;

/** An overrides file (`scrape --overrides <file>`), or a refusal that names it and the position of its fault. */
export function loadOverrides(file: string): OverrideSet {
  // Named from the working directory: `overrides.json` in the project, `node_modules/pco-codegen/overrides.json` beyond it.
  const shown = displayPath(file);
  let text: string;
  try {
    text = readCappedText(file, MAX_OVERRIDES_BYTES);
  } catch (error) {
    throw new GeneratorError(`cannot read the overrides file ${shown}: ${readFailure(error)}`, { exitCode: 2 });
  }
  const loaded = parseOverrides(text, shown);
  if (loaded.value === undefined) {
    throw new GeneratorError(`the overrides file ${shown} is not valid`, { exitCode: 2, diagnostics: loaded.diagnostics });
  }
  return loaded.value;
}

/**
 * Applies the overrides to every draft read. Each draft's own diagnostics get
 * one info per application; overrides that concern an app-version read but
 * matched nothing there are returned as warnings.
 */
export function applyOverrides(reads: readonly DraftRead[], set: OverrideSet): StageResult<DraftRead[]> {
  const used = new Set<number>();
  const concerned = new Map<number, string[]>();
  const value = reads.map((read) => {
    const own: Diagnostic[] = [];
    let draft = read.draft;
    set.overrides.forEach((override, index) => {
      if (!concerns(override, draft)) return;
      concerned.set(index, [...(concerned.get(index) ?? []), `${draft.app} ${draft.version}`]);
      const applied = applyOne(draft, override, index, set);
      if (applied.diagnostics.length === 0) return;
      used.add(index);
      draft = applied.value;
      appendAll(own, applied.diagnostics);
    });
    return own.length === 0 ? read : { draft, diagnostics: [...read.diagnostics, ...own] };
  });
  const unused = [...concerned]
    .filter(([index]) => !used.has(index))
    .map(([index, versions]) => {
      const o = set.overrides[index]!;
      return diagnostic(
        "warning",
        "OVERRIDE_UNUSED",
        `the override of ${o.resource} ${singular(o.list)} "${o.name}"${describeMatch(o)} matches nothing in ${[...new Set(versions)].join(", ")}: the docs no longer have the error it fixes; remove it`,
        set.at(index),
      );
    });
  return { value, diagnostics: unused };
}

function concerns(override: Override, draft: SpecDraft): boolean {
  if (override.app !== "*" && override.app !== draft.app) return false;
  const { versions } = override;
  if (typeof versions === "string") return versions === "*" || versions === draft.version;
  if (!isDatedVersion(draft.version)) return false;
  return (versions.from === undefined || versions.from <= draft.version) && (versions.to === undefined || draft.version <= versions.to);
}

type Item = NamedDraft & Record<string, unknown>;

function applyOne(draft: SpecDraft, override: Override, index: number, set: OverrideSet): StageResult<SpecDraft> {
  const diagnostics: Diagnostic[] = [];
  const resources = draft.resources.map((resource) => {
    if (override.resource !== "*" && override.resource !== resource.type) return resource;
    const items = listOf(resource, override.list) as readonly Item[];
    const matching = items.filter((item) => sameName(override.list, item.name, override.name) && matches(item, override.match));
    const chosen = override.occurrence === undefined ? matching : matching.slice(override.occurrence - 1, override.occurrence);
    if (chosen.length === 0) return resource;
    const changed = items.flatMap((item) => (chosen.includes(item) ? changedItem(item, override) : [item]));
    for (const item of chosen) {
      diagnostics.push(
        diagnostic(
          "info",
          "OVERRIDE_APPLIED",
          `${resource.type} ${singular(override.list)} "${item.name}"${describeMatch(override)} ${describeAction(override)} by override ${index + 1} of ${set.file}: ${override.reason}`,
          item.origin ?? resource.origin ?? { file: draft.source.location },
        ),
      );
    }
    return withList(resource, override.list, changed);
  });
  return { value: diagnostics.length === 0 ? draft : { ...draft, resources }, diagnostics };
}

/**
 * Whether an item has the name an override gives. Endpoints are compared by
 * shape, so that one override reaches the same endpoint however a version of
 * the docs writes it: with or without the host, with an id (`/plans/1`) or a
 * parameter (`/plans/{plan_id}`).
 */
function sameName(list: OverrideList, itemName: string, overrideName: string): boolean {
  return list === "endpoints" ? endpointShape(itemName) === endpointShape(overrideName) : itemName.trim() === overrideName.trim();
}

/** The method, and the path's shape as the collection index keys it (no host; ids and parameters alike). */
function endpointShape(name: string): string {
  const space = name.indexOf(" ");
  return `${name.slice(0, space)} ${pathShape(name.slice(space + 1))}`;
}

/** The items of a list, each with its name; an endpoint is named by its method and path. */
function listOf(resource: ResourceDraft, list: OverrideList): readonly NamedDraft[] {
  if (list === "endpoints") return resource.endpoints.map((e) => ({ ...e, name: `${e.method} ${e.path}` }));
  return list === "where" || list === "order" || list === "include" ? resource.query[list] : resource[list];
}

function withList(resource: ResourceDraft, list: OverrideList, items: readonly Item[]): ResourceDraft {
  if (list === "endpoints") return { ...resource, endpoints: items.map(endpointOf) };
  if (list === "where" || list === "order" || list === "include") return { ...resource, query: { ...resource.query, [list]: items } };
  return { ...resource, [list]: items };
}

/** An endpoint back from its named form: the name (a rename's included) gives its method and path. */
function endpointOf(item: Item): EndpointDraft {
  const { name, ...endpoint } = item as Item & EndpointDraft;
  const space = name.indexOf(" ");
  return { ...endpoint, method: name.slice(0, space) as EndpointDraft["method"], path: name.slice(space + 1) };
}

function matches(item: Item, match: Override["match"]): boolean {
  return Object.entries(match ?? {}).every(([key, value]) => item[key] === value);
}

function changedItem(item: Item, override: Override): Item[] {
  switch (override.action) {
    case "drop":
      return [];
    case "rename":
      return [{ ...item, name: override.to! }];
    case "set-type":
      return [{ ...item, type: override.to! }];
  }
}

function describeAction(override: Override): string {
  switch (override.action) {
    case "drop":
      return "dropped";
    case "rename":
      return `renamed to "${override.to}"`;
    case "set-type":
      return `typed ${override.to}`;
  }
}

function describeMatch(override: Override): string {
  const fields = Object.entries(override.match ?? {}).map(([key, value]) => `${key} ${String(value)}`);
  const occurrence = override.occurrence === undefined ? [] : [`occurrence ${override.occurrence}`];
  const all = [...fields, ...occurrence];
  return all.length === 0 ? "" : ` (${all.join(", ")})`;
}

const SINGULAR: Record<OverrideList, string> = {
  attributes: "attribute",
  relationships: "relationship",
  associations: "association",
  actions: "action",
  where: "where parameter",
  order: "order",
  include: "include",
  endpoints: "endpoint",
};

const singular = (list: OverrideList) => SINGULAR[list];
