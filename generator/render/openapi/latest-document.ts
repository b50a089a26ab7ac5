/**
 * `openapi/latest.json`, the newest dated version of every app in one
 * document, assembled from one part per app rather than built again from the
 * specs. An app's part is what it brings to the combined document: its tags,
 * paths and components under its prefix (`people.Person`), with its
 * operationIds led by the app, each as the JSON text it has in the document.
 * The document is their union, in the order the combined build gives (every
 * map sorted by key), with the info, security schemes and tag groups made
 * from what each part says of its spec. A generate that changed one app's
 * spec then renders only that app's part, and derives it from the app's own
 * document rather than building the app again under its prefix
 * (`latestPartOf`).
 *
 * Where the parts cannot simply be joined (two apps under different base
 * URLs, two parts giving one shared component different values, one
 * operationId twice), `assembleLatest` says so and the document is built from
 * the specs as a whole.
 */
import { diagnostic, type Diagnostic, type StageResult } from "../../diagnostics.js";
import { apiFactsOf } from "../../spec/api-facts.js";
import { specFileName } from "../../spec/serialize.js";
import type { ApiFacts, Spec } from "../../spec/types.js";
import { compareText, sortedStrings } from "../../util/order.js";
import type { TextPiece } from "../../util/text-pieces.js";
import { buildDocument, type BuiltDocument } from "./document.js";
import { ref, type Info, type OpenApiDocument, type Operation, type PathItem } from "./model.js";
import { appPrefixed } from "./operation-ids.js";
import { securityRequirements, securitySchemes } from "./security.js";

export const LATEST_FILE = "openapi/latest.json";

const SECTIONS = ["schemas", "parameters", "headers", "responses"] as const;
type Section = (typeof SECTIONS)[number];

/**
 * A key and its value's JSON text, indented as it reads where the document
 * places it (a path two levels deep, a component three), encoded: assembling
 * the document then only writes the bytes one after another, and a part is
 * placed and encoded once, when its spec is rendered, not each time any app's
 * part changes. The record keeps the bytes as they are (`util/framed-json.ts`).
 */
type Entry = [string, Uint8Array];

/** How deep the document nests each kind of entry's value. */
const TAG_DEPTH = 2;
const PATH_DEPTH = 2;
const COMPONENT_DEPTH = 3;

export interface LatestPart {
  app: string;
  version: string;
  title: string;
  beta: boolean;
  baseUrl: string;
  /** The spec's own API-wide facts. */
  facts: ApiFacts;
  /** The facts the part was built with: the combined document's. */
  builtWith: ApiFacts;
  tags: Entry[];
  paths: Entry[];
  components: Record<Section, Entry[]>;
  /** Its entry of `x-tagGroups`. */
  tagGroup: { name: string; tags: string[] };
  operationIds: string[];
  diagnostics: Diagnostic[];
}

const prefixOf = (spec: Pick<Spec, "app">): string => `${spec.app}.`;
const text = (value: unknown): string => JSON.stringify(value, null, 2);
/** A value's entry text at `depth`, encoded. */
const entryBytes = (value: unknown, depth: number): Uint8Array => Buffer.from(placed(text(value), depth), "utf8");

/**
 * An app's part, derived from the app's own document (`built`): the same components and operations, with the
 * component keys the combined document gives them (`people.Person`), tags under the app's prefix, operationIds led
 * by the app and each operation's security on it, which is what the combined document's build gives, for half
 * the cost. Built again where the derivation would not give that: where the combined document's facts are not
 * the app's own (they decide the rate-limit responses and the security), or where an operationId had to be
 * numbered (the build numbers operationIds led by the app).
 */
export function latestPartOf(spec: Spec, combinedFacts: ApiFacts, built: BuiltDocument): LatestPart {
  const sameFacts = JSON.stringify(combinedFacts) === JSON.stringify(apiFactsOf(spec));
  const numbered = built.diagnostics.some((d) => d.code === "OPENAPI_OPERATION_ID");
  if (!sameFacts || numbered) return latestPart(spec, combinedFacts);
  const prefix = prefixOf(spec);
  const refs = new Map<string, string>();
  const keys = built.keysUnder(prefix);
  for (const [section, renamed] of keys) for (const [from, to] of renamed) refs.set(ref(section, from).$ref, ref(section, to).$ref);
  const withRefs = (key: string, value: unknown): unknown =>
    key === "$ref" && typeof value === "string" ? (refs.get(value) ?? value) : value;
  const encoded = (value: unknown, depth: number): Uint8Array => Buffer.from(placed(JSON.stringify(value, withRefs, 2), depth), "utf8");
  const security = securityRequirements(combinedFacts, spec);
  const operation = (own: Operation): Operation => {
    const members: [string, unknown][] = [];
    for (const [key, value] of Object.entries(own)) {
      if (key === "operationId") members.push([key, appPrefixed(spec.app, own.operationId)]);
      else if (key === "tags") members.push([key, own.tags.map((tag) => `${prefix}${tag}`)]);
      else members.push([key, value]);
      // Where the build puts it: after the tags, and after `deprecated` where there is one.
      if (key === (own.deprecated === true ? "deprecated" : "tags")) members.push(["security", security]);
    }
    return Object.fromEntries(members) as unknown as Operation;
  };
  const document = built.value;
  const paths = Object.entries(document.paths).map(([path, item]): [string, PathItem] => [
    path,
    Object.fromEntries(
      Object.entries(item).map(([key, value]) => [key, OPERATION_METHODS.includes(key) ? operation(value as Operation) : value]),
    ),
  ]);
  const operationIds = paths.flatMap(([, item]) =>
    OPERATION_METHODS.flatMap((method) => (item as Record<string, Operation | undefined>)[method]?.operationId ?? []),
  );
  if (new Set(operationIds).size !== operationIds.length) return latestPart(spec, combinedFacts);
  const tags = document.tags.map((tag) => ({ ...tag, name: `${prefix}${tag.name}` }));
  const components = Object.fromEntries(
    SECTIONS.map((section) => {
      const renamed = keys.get(section) ?? new Map<string, string>();
      const entries = Object.entries(document.components?.[section] ?? {}).map(([key, value]): Entry => [
        renamed.get(key) ?? key,
        encoded(value, COMPONENT_DEPTH),
      ]);
      return [section, entries.sort(([a], [b]) => compareText(a, b))];
    }),
  ) as Record<Section, Entry[]>;
  return {
    app: spec.app,
    version: spec.version,
    title: spec.title,
    beta: spec.beta === true,
    baseUrl: spec.baseUrl,
    facts: apiFactsOf(spec),
    builtWith: combinedFacts,
    tags: tags.map((tag) => [tag.name, encoded(tag, TAG_DEPTH)]),
    paths: paths.map(([path, item]) => [path, encoded(item, PATH_DEPTH)]),
    components,
    tagGroup: { name: spec.title, tags: sortedStrings(tags.map((tag) => tag.name)) },
    operationIds,
    diagnostics: built.diagnostics,
  };
}

const OPERATION_METHODS: readonly string[] = ["get", "post", "patch", "delete"];

/** An app's part, built as the combined document builds it, with the combined document's facts. */
export function latestPart(spec: Spec, combinedFacts: ApiFacts): LatestPart {
  const built = buildDocument({
    specs: [spec],
    info: combinedInfo([spec]),
    facts: combinedFacts,
    prefixOf,
    securityPerOperation: true,
    tagGroups: true,
    operationIdsWithApp: true,
  });
  const document = built.value;
  const components = Object.fromEntries(
    SECTIONS.map((section) => [
      section,
      Object.entries(document.components?.[section] ?? {}).map(([key, value]) => [key, entryBytes(value, COMPONENT_DEPTH)]),
    ]),
  ) as Record<Section, Entry[]>;
  const operations = Object.values(document.paths).flatMap((item) =>
    (["get", "post", "patch", "delete"] as const).flatMap((method) => item[method]?.operationId ?? []),
  );
  return {
    app: spec.app,
    version: spec.version,
    title: spec.title,
    beta: spec.beta === true,
    baseUrl: spec.baseUrl,
    facts: apiFactsOf(spec),
    builtWith: combinedFacts,
    tags: document.tags.map((tag) => [tag.name, entryBytes(tag, TAG_DEPTH)]),
    paths: Object.entries(document.paths).map(([key, item]) => [key, entryBytes(item, PATH_DEPTH)]),
    components,
    tagGroup: (document["x-tagGroups"] as LatestPart["tagGroup"][] | undefined)?.[0] ?? { name: spec.title, tags: [] },
    operationIds: operations,
    diagnostics: built.diagnostics,
  };
}

/**
 * The combined document's text, in pieces, from the parts of the latest apps (in app order), or undefined where they cannot be
 * joined. The pieces are written one after another (`util/text-pieces.ts`): the megabytes of the document are never one string.
 */
export function assembleLatest(parts: readonly LatestPart[]): StageResult<TextPiece[]> | undefined {
  const first = parts[0];
  if (first === undefined) return undefined;
  const facts = first.facts;
  const sameFacts = (a: ApiFacts, b: ApiFacts) => JSON.stringify(a) === JSON.stringify(b);
  if (parts.some((part) => !sameFacts(part.builtWith, facts))) return undefined;
  if (new Set(parts.map((part) => part.baseUrl)).size > 1) return undefined;
  const ids = parts.flatMap((part) => part.operationIds);
  if (new Set(ids).size !== ids.length) return undefined;

  const tags = joined(parts.map((part) => part.tags));
  const paths = joined(parts.map((part) => part.paths));
  const sections = SECTIONS.map((section) => [section, joined(parts.map((part) => part.components[section]))] as const);
  if (tags === undefined || paths === undefined || sections.some(([, entries]) => entries === undefined)) return undefined;

  const components: Member[] = sections
    .filter(([, entries]) => entries!.length > 0)
    .map(([section, entries]) => [section, objectAt(entries!, COMPONENT_DEPTH - 1)]);
  components.push(["securitySchemes", placed(text(securitySchemes(facts, parts)), 2)]);
  const document = objectAt(
    [
      ["openapi", text("3.1.0")],
      ["info", placed(text(combinedInfo(parts)), 1)],
      ["servers", placed(text([{ url: first.baseUrl }]), 1)],
      ["tags", arrayAt(tags, TAG_DEPTH - 1)],
      ["paths", objectAt(paths, PATH_DEPTH - 1)],
      ["components", objectAt(components, 1)],
      ["x-tagGroups", placed(text(parts.map((part) => part.tagGroup)), 1)],
    ],
    0,
  );
  const pieces = flattened(document);
  pieces.push("\n");
  return { value: pieces, diagnostics: [...factsWarnings(parts), ...parts.flatMap((part) => part.diagnostics)] };
}

/**
 * The latest dated versions as one document, built from the specs: where the
 * parts cannot be joined. The API-wide facts are the first app's; where
 * another's differ, a warning says so.
 */
export function buildLatest(latest: readonly Spec[]): StageResult<OpenApiDocument> {
  const facts = apiFactsOf(latest[0]!);
  const differing = factsWarnings(latest.map((spec) => ({ app: spec.app, version: spec.version, facts: apiFactsOf(spec) })));
  const document = buildDocument({
    specs: latest,
    info: combinedInfo(latest),
    facts,
    prefixOf,
    securityPerOperation: true,
    tagGroups: true,
  });
  return { value: document.value, diagnostics: [...differing, ...document.diagnostics] };
}

/** The combined document uses the first app's API-wide facts: a warning for each app whose own differ. */
function factsWarnings(apps: readonly { app: string; version: string; facts: ApiFacts }[]): Diagnostic[] {
  const first = apps[0];
  if (first === undefined) return [];
  const facts = JSON.stringify(first.facts);
  return apps
    .filter((app) => JSON.stringify(app.facts) !== facts)
    .map((app) =>
      diagnostic("warning", "OPENAPI_FACTS_DIFFER", `its API-wide facts differ from ${specFileName(first)}'s, which ${LATEST_FILE} uses`, {
        file: specFileName(app),
        pointer: "/api",
      }),
    );
}

/**
 * The entries of every part, sorted by key as the combined document sorts
 * them. A key two parts share (a component every app uses, such as
 * `JsonApi.Error`) is kept once where both give it the same value; where the
 * values differ, the combined build would have named them apart: undefined.
 */
function joined(lists: readonly Entry[][]): Entry[] | undefined {
  const byKey = new Map<string, Uint8Array>();
  for (const [key, value] of lists.flat()) {
    const known = byKey.get(key);
    if (known !== undefined && Buffer.compare(known, value) !== 0) return undefined;
    byKey.set(key, value);
  }
  return [...byKey].sort(([a], [b]) => compareText(a, b));
}

const pad = (depth: number): string => "  ".repeat(depth);

/** A value's top-level JSON text as it reads nested `depth` levels deep. */
const placed = (relative: string, depth: number): string => relative.replaceAll("\n", `\n${pad(depth)}`);

/** JSON text as a tree of pieces, in the order they are written. */
type Pieces = TextPiece | readonly Pieces[];
/** A key and its value's JSON text (in pieces), already placed at its depth. */
type Member = [string, Pieces];

/** An object's JSON text at `depth`, as `JSON.stringify(…, null, 2)` writes it nested: its members' values already placed. */
function objectAt(members: readonly Member[], depth: number): Pieces {
  return members.length === 0
    ? "{}"
    : listAt(
        "{",
        members.map(([key, value]) => [`${JSON.stringify(key)}: `, value]),
        "}",
        depth,
      );
}

/** An array's JSON text at `depth`, its items' values already placed. */
function arrayAt(items: readonly Entry[], depth: number): Pieces {
  return items.length === 0
    ? "[]"
    : listAt(
        "[",
        items.map(([, value]) => value),
        "]",
        depth,
      );
}

/** Members one per line between brackets. */
function listAt(open: string, members: readonly Pieces[], close: string, depth: number): Pieces {
  const indent = pad(depth + 1);
  const pieces: Pieces[] = [open];
  for (const [i, member] of members.entries()) pieces.push(`${i === 0 ? "\n" : ",\n"}${indent}`, member);
  pieces.push(`\n${pad(depth)}${close}`);
  return pieces;
}

/** The tree's pieces, in order. */
function flattened(tree: Pieces, into: TextPiece[] = []): TextPiece[] {
  if (typeof tree === "string" || tree instanceof Uint8Array) into.push(tree);
  else for (const branch of tree) flattened(branch, into);
  return into;
}

export function combinedInfo(specs: readonly Pick<Spec, "title" | "app" | "version" | "beta">[]): Info {
  const rows = specs.map((s) => `| ${s.title} | \`${s.app}\` | ${s.version}${s.beta ? " (beta)" : ""} |`);
  return {
    title: "Planning Center API",
    version: specs.map((s) => `${s.app} ${s.version}`).join(", "),
    description: [
      "The latest documented version of every Planning Center app, in one document." +
        " Component keys and tags start with the app (`people.Person`).",
      ["| app | prefix | version |", "| --- | --- | --- |", ...rows].join("\n"),
      "Generated by pco-codegen from Planning Center's documentation.",
    ].join("\n\n"),
    "x-pco-versions": Object.fromEntries(specs.map((s) => [s.app, s.version])),
  };
}
