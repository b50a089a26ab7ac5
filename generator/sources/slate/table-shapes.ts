/**
 * The tables a Slate page holds, known by their header row. The interpreter
 * reads a table by its shape; the page-text front-end, where a table is only
 * a header line followed by lines of space-separated words, uses the shape to
 * find the table and to cut each line into cells.
 */
import { STATUS_CODES } from "node:http";

/**
 * How a cell is cut from a line of text: `word` is one space-free word, `rest`
 * takes what the other cells leave (at most one per shape), `reason` is an
 * HTTP reason phrase following a status code (`404 Not Found`).
 */
export type CellKind = "word" | "rest" | "reason";

export interface TableShape {
  name: TableName;
  header: readonly string[];
  cells: readonly CellKind[];
}

export type TableName =
  | "parameters"
  | "relationships"
  | "attributes"
  | "attributesWithNote"
  | "associations"
  | "actions"
  | "scopes"
  | "dateFormats"
  | "whereOperators"
  | "errors";

export const TABLE_SHAPES: readonly TableShape[] = [
  { name: "parameters", header: ["Parameter", "Value", "Description"], cells: ["word", "word", "rest"] },
  { name: "relationships", header: ["Name", "Type", "To Many", "Description"], cells: ["word", "word", "word", "rest"] },
  { name: "attributes", header: ["Attribute", "Type"], cells: ["word", "word"] },
  { name: "attributesWithNote", header: ["Attribute", "Type", "Note"], cells: ["word", "word", "rest"] },
  { name: "associations", header: ["Association", "URL", "Endpoint"], cells: ["word", "word", "word"] },
  { name: "actions", header: ["Action", "URL", "Description"], cells: ["word", "word", "rest"] },
  { name: "scopes", header: ["App", "Scope"], cells: ["rest", "word"] },
  { name: "dateFormats", header: ["value", "format", "example"], cells: ["rest", "word", "word"] },
  { name: "whereOperators", header: ["operator", "usage", "result"], cells: ["word", "word", "rest"] },
  { name: "errors", header: ["Error Code", "Description", "Example Cause"], cells: ["word", "reason", "rest"] },
];

export function shapeOfHeader(header: readonly string[]): TableShape | undefined {
  return TABLE_SHAPES.find((shape) => shape.header.length === header.length && shape.header.every((h, i) => h === header[i]));
}

/** The shape whose header, written as one line of text, is `line`. */
export function shapeOfHeaderLine(line: string): TableShape | undefined {
  return TABLE_SHAPES.find((shape) => shape.header.join(" ") === line);
}

/**
 * A line of a text table cut into the shape's cells, or undefined where the
 * line does not fit (too few or too many words, no reason phrase where one
 * belongs). Cells before the free one are taken from the start of the line,
 * cells after it from the end.
 */
export function cutRow(line: string, shape: TableShape): string[] | undefined {
  let words = line.split(" ").filter((w) => w !== "");
  const cells: string[] = [];
  let i = 0;
  for (; i < shape.cells.length && shape.cells[i] !== "rest"; i++) {
    if (shape.cells[i] === "word") {
      const word = words.shift();
      if (word === undefined) return undefined;
      cells.push(word);
    } else {
      const phrase = STATUS_CODES[Number(cells.at(-1))];
      if (phrase === undefined || words.slice(0, phrase.split(" ").length).join(" ") !== phrase) return undefined;
      cells.push(phrase);
      words = words.slice(phrase.split(" ").length);
    }
  }
  if (i === shape.cells.length) return words.length === 0 ? cells : undefined;
  const tail: string[] = [];
  for (let j = shape.cells.length - 1; j > i; j--) {
    const word = words.pop();
    if (word === undefined) return undefined;
    tail.unshift(word);
  }
  return [...cells, words.join(" "), ...tail];
}
