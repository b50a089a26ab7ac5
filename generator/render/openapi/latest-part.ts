/**
 * An app's part of `openapi/latest.json` (`latest-document.ts`): what the app
 * brings to the combined document, its tags, paths and components under its
 * prefix (`people.Person`), with its operationIds led by the app, each as the
 * JSON text it has in the document. The part is derived from the app's own
 * document, which is rendered anyway, rather than built a second time under
 * the prefix; it is built where a derivation could not give what the build
 * gives (`test/openapi/latest-part.test.ts` holds the two to each other).
 */
import type { Diagnostic } from "../../diagnostics.js";
import { apiFactsOf, sameApiFacts } from "../../spec/api-facts.js";
import type { ApiFacts, Spec } from "../../spec/types.js";
import { compareText, sortedStrings } from "../../util/order.js";
import { combinedInfo } from "./combined-info.js";
import type { Section } from "./components.js";
import { buildDocument, type BuiltDocument } from "./document.js";
import { METHODS, ref, type Operation, type PathItem, type Tag } from "./model.js";
import { appPrefixed } from "./operation-ids.js";
import { placed } from "./placed-json.js";
import { securityRequirements } from "./security.js";

/** Encodes the part's entries as plain Uint8Arrays, which framing takes as they are (`util/framed-json.ts`). */
const UTF8 = new TextEncoder();

/** The sections of `components` a part brings entries to, in the document's order. */
export const SECTIONS: readonly Section[] = ["schemas", "parameters", "headers", "responses"];

/**
 * A key and its value's JSON text, indented as it reads where the document
 * places it (a path two levels deep, a component three), encoded: assembling
 * the document then only writes the bytes one after another, and a part is
 * placed and encoded once, when its spec is rendered, not each time any app's
 * part changes. The record keeps the bytes as they are (`util/framed-json.ts`).
 */
export type Entry = [string, Uint8Array];

/** How deep the document nests each kind of entry's value. */
export const TAG_DEPTH = 2;
export const PATH_DEPTH = 2;
export const COMPONENT_DEPTH = 3;

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

/** What an app's component keys and tags start with in the combined document. */
export const prefixOf = (spec: Pick<Spec, "app">): string => `${spec.app}.`;

/**
 * An app's part, derived from the app's own document (`built`): the same
 * components and operations, with the component keys the combined document
 * gives them (`people.Person`, numbered alike where two meet), tags under the
 * app's prefix, operationIds led by the app and each operation's security on
 * it. Built instead where the combined document's facts are not the app's
 * own (they decide the rate-limit responses and the security), or where an
 * operationId was numbered (the build numbers operationIds led by the app).
 */
export function latestPartOf(spec: Spec, combinedFacts: ApiFacts, built: BuiltDocument): LatestPart {
  const numbered = built.diagnostics.some((d) => d.code === "OPENAPI_OPERATION_ID");
  if (!sameApiFacts(combinedFacts, apiFactsOf(spec)) || numbered) return latestPart(spec, combinedFacts);
  const prefix = prefixOf(spec);
  const keys = built.keysUnder(prefix);
  const refs = new Map<string, string>();
  for (const [section, renamed] of keys) for (const [from, to] of renamed) refs.set(ref(section, from).$ref, ref(section, to).$ref);
  const withRefs = (key: string, value: unknown): unknown =>
    key === "$ref" && typeof value === "string" ? (refs.get(value) ?? value) : value;
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
      Object.entries(item).map(([key, value]) => [
        key,
        (METHODS as readonly string[]).includes(key) ? operation(value as Operation) : value,
      ]),
    ),
  ]);
  // Two operationIds that only the case of their first letter told apart meet once led by the app: the build numbers one.
  const ids = operationIdsOf(paths);
  if (new Set(ids).size !== ids.length) return latestPart(spec, combinedFacts);
  return partFrom(spec, combinedFacts, built.diagnostics, withRefs, {
    tags: document.tags.map((tag) => ({ ...tag, name: `${prefix}${tag.name}` })),
    paths,
    components: (section) =>
      Object.entries(document.components?.[section] ?? {}).map(([key, value]) => [keys.get(section)?.get(key) ?? key, value]),
  });
}

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
  return partFrom(spec, combinedFacts, built.diagnostics, undefined, {
    tags: document.tags,
    paths: Object.entries(document.paths),
    components: (section) => Object.entries(document.components?.[section] ?? {}),
  });
}

/** What a part is made of, as the combined document holds it: its components by section, under their keys there. */
interface PrefixedDocument {
  tags: readonly Tag[];
  paths: readonly [string, PathItem][];
  components: (section: Section) => [string, unknown][];
}

/** The part of the app's prefixed document, each entry encoded as `JSON.stringify` writes it with `replacer`. */
function partFrom(
  spec: Spec,
  combinedFacts: ApiFacts,
  diagnostics: Diagnostic[],
  replacer: ((key: string, value: unknown) => unknown) | undefined,
  prefixed: PrefixedDocument,
): LatestPart {
  const encoded = (value: unknown, depth: number): Uint8Array => UTF8.encode(placed(JSON.stringify(value, replacer, 2), depth));
  const components = Object.fromEntries(
    SECTIONS.map((section) => [
      section,
      prefixed
        .components(section)
        .sort(([a], [b]) => compareText(a, b))
        .map(([key, value]): Entry => [key, encoded(value, COMPONENT_DEPTH)]),
    ]),
  ) as Record<Section, Entry[]>;
  const tagNames = prefixed.tags.map((tag) => tag.name);
  return {
    app: spec.app,
    version: spec.version,
    title: spec.title,
    beta: spec.beta === true,
    baseUrl: spec.baseUrl,
    facts: apiFactsOf(spec),
    builtWith: combinedFacts,
    tags: prefixed.tags.map((tag) => [tag.name, encoded(tag, TAG_DEPTH)]),
    paths: prefixed.paths.map(([path, item]) => [path, encoded(item, PATH_DEPTH)]),
    components,
    // As the build groups them: every tag of the part is the app's.
    tagGroup: { name: spec.title, tags: sortedStrings(tagNames) },
    operationIds: operationIdsOf(prefixed.paths),
    diagnostics,
  };
}

/** The operationIds of the path items, in path and method order. */
function operationIdsOf(paths: readonly [string, PathItem][]): string[] {
  return paths.flatMap(([, item]) => METHODS.flatMap((method) => item[method]?.operationId ?? []));
}
