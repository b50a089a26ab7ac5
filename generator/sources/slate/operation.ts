/**
 * One `###` operation of a Slate resource ("List Addresses", "Create a new
 * Address"...) → what it says: its endpoints (from each "HTTP Request"), its
 * URL parameters, the attributes it accepts ("Resource Attributes"), the
 * includes it accepts inline ("Included Resources"), the example object, the
 * rows of its "Associations for"/"Actions for" tables, and its notes.
 *
 * An operation may repeat curl example, "HTTP Request" and "Resource
 * Attributes" once per URL it is offered at, so blocks are read by what they
 * are, wherever in the operation they stand.
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import { parseJson } from "../../json-text.js";
import type { HttpMethod } from "../../spec/types.js";
import { OPERATION_PARTS, type OperationHeading } from "./headings.js";
import type { SlateBlock, TableBlock } from "./model.js";
import { flatten, type Section } from "./outline.js";
import { readParameters, typeIn, type Parameters } from "./parameters.js";
import { excerpt, unknownHeading, unknownTable, unplaced } from "./report.js";
import { shapeOfHeader } from "./table-shapes.js";

export interface OperationRead {
  heading: OperationHeading;
  requests: { method: HttpMethod; url: string; origin: Origin }[];
  parameters: Parameters;
  /** "Resource Attributes": name, type and the docs' note. */
  attributes: { name: string; type: string; note?: string; origin: Origin }[];
  /** "Included Resources": what the paragraphs say may be included inline (`Designations`, `a NamePrefix`). */
  includedResources: { phrase: string; origin: Origin }[];
  /** The `data` of the JSON example, when there is one. */
  example?: { data: Record<string, unknown>; origin: Origin };
  /** The JSON:API type a curl example posts (`-d '{"data":{"type":"Address"...`). */
  curlType?: string;
  /** "Associations for": the table's rows. */
  associations: { name: string; url: string; target: string; origin: Origin }[];
  /** "Actions for": the table's rows, and the `####` section of each action. */
  actions: { name: string; url: string; description?: string; origin: Origin }[];
  actionSections: Section[];
  /** Prose that is not boilerplate: notes on the operation and who may run it. */
  notes: { text: string; origin: Origin }[];
}

type Part = (typeof OPERATION_PARTS)[number] | "";

/** Sentences every operation of its kind repeats; they say nothing about one resource. */
const BOILERPLATE: readonly RegExp[] = [
  /^The above command returns JSON structured like this:$/,
  /^You can append one of the following associations onto this resource URL to jump to an associated record\.$/,
  /^You can perform the following actions on an? [^.]+ by POSTing to the specified URL\.$/,
  /^You can specify multiple includes with a comma, e\.g\. \?include=[\w,]+$/,
];

export const isBoilerplate = (text: string): boolean => BOILERPLATE.some((pattern) => pattern.test(text));

const REQUEST = /^(GET|POST|PATCH|PUT|DELETE)(?: (\S+))?$/;
const CURL_TYPE = /"type":"([A-Za-z]+)"/;
const INCLUDE_INLINE = /^You may include (.+) to (?:create|update) inline with the [A-Za-z]+\.$/;

export function readOperation(section: Section, heading: OperationHeading, owner: string, diagnostics: Diagnostic[]): OperationRead {
  const read: OperationRead = {
    heading,
    requests: [],
    parameters: { where: [], order: [], include: [], filters: [], offset: false, cursor: [] },
    attributes: [],
    includedResources: [],
    associations: [],
    actions: [],
    actionSections: [],
    notes: [],
  };
  const context = { read, label: `${owner} "${excerpt(section.heading.text)}"`, diagnostics };
  for (const block of section.blocks) readBlock(block, "", context);
  for (const part of section.children) {
    const name = part.heading.text;
    if ((OPERATION_PARTS as readonly string[]).includes(name)) {
      const blocks = flatten(part).slice(1);
      for (const block of blocks) readBlock(block, name as Part, context);
      if (name === "HTTP Request" && !blocks.some((b) => (b.kind === "paragraph" || b.kind === "code") && REQUEST.test(b.text))) {
        diagnostics.push(
          diagnostic(
            "warning",
            "SLATE_NO_REQUEST",
            `${context.label}: "HTTP Request" does not give a method and URL; the endpoint is left out`,
            part.heading.origin,
          ),
        );
      }
    } else if (heading.kind === "actions" && read.actions.some((a) => a.name === name)) {
      // An action's own section follows its "Actions for" table.
      read.actionSections.push(part);
    } else {
      diagnostics.push(unknownHeading(context.label, part));
    }
  }
  return read;
}

interface Context {
  read: OperationRead;
  label: string;
  diagnostics: Diagnostic[];
}

function readBlock(block: SlateBlock, part: Part, context: Context): void {
  const { read, label, diagnostics } = context;
  switch (block.kind) {
    case "code":
      if (part !== "Included Resources") readExampleCode(block.text, block.origin, context);
      return;
    case "table":
      readTable(block, part, context);
      return;
    case "list":
      diagnostics.push(unplaced(label, part || "the operation", block));
      return;
    case "heading":
      // Subsections of "Notes" title their paragraphs; those of "Included Resources" hold its tables.
      if (part === "Notes") read.notes.push({ text: block.text, origin: block.origin });
      else if (!(part === "Included Resources" && block.text === "Relationships"))
        diagnostics.push(unknownHeading(label, { heading: block }));
      return;
    case "paragraph":
      readParagraph(block.text, block.origin, part, context);
  }
}

function readParagraph(text: string, origin: Origin, part: Part, { read, label, diagnostics }: Context): void {
  if (part === "HTTP Request") {
    const request = REQUEST.exec(text);
    if (request) {
      const url = request[2];
      if (url === undefined || !/^https?:\/\//.test(url)) {
        diagnostics.push(
          diagnostic(
            "warning",
            "SLATE_NO_URL",
            `${label}: "HTTP Request" gives ${request[1]} without a URL; the endpoint is left out`,
            origin,
          ),
        );
      } else {
        const method = request[1] === "PUT" ? "PATCH" : (request[1] as HttpMethod);
        if (request[1] === "PUT")
          diagnostics.push(diagnostic("warning", "SLATE_PUT", `${label}: PUT is read as PATCH, the method the API updates with`, origin));
        read.requests.push({ method, url, origin });
      }
      return;
    }
  }
  if (part === "URL Parameters" && text === "none") return;
  if (part === "Included Resources") {
    const inline = INCLUDE_INLINE.exec(text);
    if (inline) read.includedResources.push({ phrase: inline[1]!, origin });
    else diagnostics.push(unplaced(label, part, { kind: "paragraph", text, origin }));
    return;
  }
  if (!isBoilerplate(text)) read.notes.push({ text, origin });
}

function readTable(table: TableBlock, part: Part, { read, label, diagnostics }: Context): void {
  const shape = shapeOfHeader(table.header)?.name;
  if (part === "URL Parameters" && shape === "parameters") {
    const parameters = readParameters(table, label, diagnostics);
    read.parameters = {
      where: [...read.parameters.where, ...parameters.where],
      order: [...read.parameters.order, ...parameters.order],
      include: [...read.parameters.include, ...parameters.include],
      filters: [...read.parameters.filters, ...parameters.filters],
      ...((parameters.perPage ?? read.parameters.perPage) ? { perPage: parameters.perPage ?? read.parameters.perPage! } : {}),
      offset: read.parameters.offset || parameters.offset,
      cursor: [...read.parameters.cursor, ...parameters.cursor],
    };
  } else if (part === "Resource Attributes" && (shape === "attributes" || shape === "attributesWithNote")) {
    for (const { cells, origin } of table.rows) {
      const [name = "", type = "", note = ""] = cells;
      read.attributes.push({ name, type: typeIn(type, `${label} ${name}`, origin, diagnostics), ...(note === "" ? {} : { note }), origin });
    }
  } else if (part === "Included Resources" && (shape === "attributes" || shape === "attributesWithNote" || shape === "relationships")) {
    // The included resource's own attributes and relationships, which its own section documents.
  } else if (part === "" && shape === "associations" && read.heading.kind === "associations") {
    for (const { cells, origin } of table.rows)
      read.associations.push({ name: cells[0] ?? "", url: cells[1] ?? "", target: cells[2] ?? "", origin });
  } else if (part === "" && shape === "actions" && read.heading.kind === "actions") {
    for (const { cells, origin } of table.rows) {
      const description = cells[2] ?? "";
      read.actions.push({ name: cells[0] ?? "", url: cells[1] ?? "", ...(description === "" ? {} : { description }), origin });
    }
  } else {
    diagnostics.push(unknownTable(label, table));
  }
}

function readExampleCode(code: string, origin: Origin, { read, label, diagnostics }: Context): void {
  if (code.startsWith("{")) {
    const parsed = parseJson(code);
    const data = parsed.ok ? (parsed.value as { data?: unknown } | null)?.data : undefined;
    if (data !== null && typeof data === "object" && !Array.isArray(data)) {
      read.example ??= { data: data as Record<string, unknown>, origin };
      return;
    }
    diagnostics.push(
      diagnostic(
        "warning",
        "SLATE_INVALID_EXAMPLE",
        `${label}: the JSON example ${parsed.ok ? 'has no "data" object' : `is not JSON (${parsed.message})`}; not read`,
        origin,
      ),
    );
    return;
  }
  if (code.startsWith("# ") || code.startsWith("curl ")) {
    read.curlType ??= CURL_TYPE.exec(code)?.[1];
    return;
  }
  diagnostics.push(
    diagnostic(
      "warning",
      "SLATE_UNKNOWN_CODE",
      `${label}: a code block that is neither a curl command nor a JSON example; not read`,
      origin,
    ),
  );
}
