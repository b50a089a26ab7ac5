/**
 * One documentation-API document: parsed, unwrapped from `{"data": ...}`, and
 * able to say where any of its values is. A document that is not JSON is one
 * error at the position where parsing failed. A document without the `data`
 * wrapper is read as if it had one, with a warning.
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { JsonNode, type JsonPath } from "../../json-node.js";
import { jsonLocator, parseJson, toPointer, type Position } from "../../json-text.js";
import type { RawDocument } from "./store.js";
import { undecodableBytes } from "../undecodable-bytes.js";

export interface PortalDocument {
  location: string;
  /** The primary data: `data` of the document, or the document itself where the wrapper is missing. */
  data: JsonNode;
  /** The value was read without its `{"data": ...}` wrapper. */
  unwrapped: boolean;
  /** Where a value of this document is, for a diagnostic. */
  at(node: JsonNode | JsonPath): Origin;
}

export type ParsedDocument =
  { ok: true; document: PortalDocument; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[]; reason: string };

/** A document's JSON, and its diagnostics, the first of which says where its bytes were not UTF-8, if they were not. */
export function parsePortalDocument(raw: RawDocument, expected: "Graph" | "Vertex"): ParsedDocument {
  const parsed = parseDocumentJson(raw, expected);
  const undecodable = undecodableBytes(raw);
  return undecodable.length === 0 ? parsed : { ...parsed, diagnostics: [...undecodable, ...parsed.diagnostics] };
}

function parseDocumentJson(raw: RawDocument, expected: "Graph" | "Vertex"): ParsedDocument {
  const parsed = parseJson(raw.text);
  if (!parsed.ok) {
    const reason = `invalid JSON: ${parsed.message}`;
    return {
      ok: false,
      reason,
      diagnostics: [
        diagnostic("error", "PORTAL_INVALID_JSON", `${reason}; the document was not read`, { file: raw.location, ...parsed.position }),
      ],
    };
  }
  const locate = jsonLocator(raw.text);
  const at = (nodeOrPath: JsonNode | JsonPath): Origin => {
    const path = nodeOrPath instanceof JsonNode ? nodeOrPath.path : nodeOrPath;
    return lazyOrigin(raw.location, toPointer(path), () => locate(path));
  };
  const root = new JsonNode(parsed.value);
  if (!root.isRecord) {
    const reason = `expected a JSON object holding a ${expected}, found ${describe(parsed.value)}`;
    return { ok: false, reason, diagnostics: [diagnostic("error", "PORTAL_NOT_A_DOCUMENT", reason, at([]))] };
  }
  if (root.get("data").isRecord) {
    return { ok: true, document: { location: raw.location, data: root.get("data"), unwrapped: false, at }, diagnostics: [] };
  }
  if (root.has("data")) {
    const reason = `"data" should hold a ${expected} object, found ${describe(root.get("data").value)}`;
    return { ok: false, reason, diagnostics: [diagnostic("error", "PORTAL_NOT_A_DOCUMENT", reason, at(["data"]))] };
  }
  return {
    ok: true,
    document: { location: raw.location, data: root, unwrapped: true, at },
    diagnostics: [
      diagnostic(
        "warning",
        "PORTAL_MISSING_DATA_WRAPPER",
        `the document lacks the {"data": ...} wrapper; it was read as a bare ${expected}`,
        at([]),
      ),
    ],
  };
}

/**
 * Every fact keeps its origin, but only a diagnostic reads a line and column:
 * finding them means parsing the text a second time, as a tree, so they are
 * found on first reading (once per origin), not when the origin is made.
 */
function lazyOrigin(file: string, pointer: string, locate: () => Position | undefined): Origin {
  let position: Position | undefined | null = null;
  const found = () => (position === null ? (position = locate()) : position);
  return {
    file,
    get line() {
      return found()?.line;
    },
    get column() {
      return found()?.column;
    },
    pointer,
  };
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
