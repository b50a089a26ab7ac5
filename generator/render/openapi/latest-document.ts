/**
 * `openapi/latest.json`, the newest dated version of every app in one
 * document, assembled from one part per app (`latest-part.ts`) rather than
 * built again from the specs. The document is the parts' union, in the order
 * the combined build gives (every map sorted by key), with the info, security
 * schemes and tag groups made from what each part says of its spec. A
 * generate that changed one app's spec then renders only that app's part.
 *
 * Where the parts cannot simply be joined (two apps under different base
 * URLs, two parts giving one shared component different values, one
 * operationId twice), `assembleLatest` says so and the document is built from
 * the specs as a whole.
 */
import { diagnostic, type Diagnostic, type StageResult } from "../../diagnostics.js";
import { apiFactsOf, sameApiFacts } from "../../spec/api-facts.js";
import { specFileName } from "../../spec/serialize.js";
import type { ApiFacts, Spec } from "../../spec/types.js";
import { compareText } from "../../util/order.js";
import type { TextPiece } from "../../util/text-pieces.js";
import { combinedInfo } from "./combined-info.js";
import { buildDocument } from "./document.js";
import { COMPONENT_DEPTH, PATH_DEPTH, prefixOf, SECTIONS, TAG_DEPTH, type Entry, type LatestPart } from "./latest-part.js";
import type { OpenApiDocument } from "./model.js";
import { pad, placed, text } from "./placed-json.js";
import { securitySchemes } from "./security.js";

export const LATEST_FILE = "openapi/latest.json";

/**
 * The combined document's text, in pieces, from the parts of the latest apps (in app order), or undefined where they cannot be
 * joined. The pieces are written one after another (`util/text-pieces.ts`): the megabytes of the document are never one string.
 */
export function assembleLatest(parts: readonly LatestPart[]): StageResult<TextPiece[]> | undefined {
  const first = parts[0];
  if (first === undefined) return undefined;
  const facts = first.facts;
  if (parts.some((part) => !sameApiFacts(part.builtWith, facts))) return undefined;
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
