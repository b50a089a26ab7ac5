/**
 * Lays out the client's declarations as prettier prints them (printWidth 100,
 * the project's PRETTIER_OPTIONS), so that `generate` writes each client file
 * in its final form without loading prettier. Only what the templates write
 * is covered: interface heads with their `extends` list, interface members,
 * the type expressions of `type-syntax.ts`, and object literal properties
 * whose values are literals. Each is built as a document of prettier's own
 * printer (`prettier/doc`, a small module of its own), with the same groups,
 * indents and line breaks prettier's TypeScript printer builds for that
 * syntax; a test formats every generated client with prettier to hold the two
 * together.
 */
import { builders, printer } from "prettier/doc";
import { parseMember, parseType, type MemberNode, type TypeNode } from "./type-syntax.js";

const { align, group, hardline, ifBreak, indent, join, line, softline } = builders;
type Doc = builders.Doc;

const PRINT_WIDTH = 100;
const TAB_WIDTH = 2;

/** Where a type stands, which decides how a union in it breaks and whether it needs parentheses. */
type Place = "annotation" | "argument" | "element" | "member" | "operand";

/**
 * A string literal with prettier's quotes: double, unless the text holds more
 * double quotes than single ones; only the quote that encloses it is escaped.
 */
export function preferredString(literal: string): string {
  const content = literal.slice(1, -1);
  const doubles = (content.match(/"/g) ?? []).length;
  const singles = (content.match(/'/g) ?? []).length;
  const quote = doubles > singles ? "'" : '"';
  const other = quote === '"' ? "'" : '"';
  const body = content.replace(/\\(.)|(["'])/gs, (match, escaped: string | undefined, bare: string | undefined) => {
    if (escaped === other) return escaped;
    if (bare === quote) return `\\${bare}`;
    if (bare !== undefined) return bare;
    return /^[^\n\r"'0-7\\bfnrt-vx\u2028\u2029]$/.test(escaped!) ? escaped! : match;
  });
  return `${quote}${body}${quote}`;
}

/** An identifier name as prettier reads one (a quoted key that is one loses its quotes). */
const IDENTIFIER_NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** A property key as prettier writes it: quotes only where the name needs them. */
export function preferredKey(key: string): string {
  if (!/^["']/.test(key)) return key;
  const quoted = preferredString(key);
  const value = quoted.slice(1, -1);
  return IDENTIFIER_NAME.test(value) && !value.includes("\\") ? value : quoted;
}

const atom = (text: string): string => (/^["']/.test(text) ? preferredString(text) : text);

const isObject = (node: TypeNode): boolean => node.kind === "object";
const isNullish = (node: TypeNode): boolean => node.kind === "atom" && (node.text === "null" || node.text === "void");

const KEYWORDS = new Set([
  "any",
  "bigint",
  "boolean",
  "never",
  "null",
  "number",
  "object",
  "string",
  "symbol",
  "undefined",
  "unknown",
  "void",
]);

/** A named type (`Person`, `pco.Id`, `pco.One<X>`) or an object type: what a union with null may wrap. */
const isNamedOrObject = (node: TypeNode): boolean =>
  node.kind === "object" || node.kind === "reference" || (node.kind === "atom" && !/^["'\d-]/.test(node.text) && !KEYWORDS.has(node.text));

/** `{ ... } | null` or `Name | null`: written inline, never one member a line. */
function hugsUnion(node: TypeNode & { kind: "union" }): boolean {
  const main = node.types.find(isNamedOrObject);
  return main !== undefined && node.types.every((t) => t === main || isNullish(t));
}

/** A type argument written between the angle brackets with no break of their own. */
function hugsArgument(node: TypeNode): boolean {
  return node.kind === "atom" || node.kind === "object" || (node.kind === "union" && hugsUnion(node));
}

function unionDoc(node: TypeNode & { kind: "union" }, place: Place): Doc {
  if (hugsUnion(node))
    return join(
      " | ",
      node.types.map((t) => typeDoc(t, "member")),
    );
  const members = group(node.types.map((t, i) => [i === 0 ? ifBreak("| ") : [line, "| "], align(2, typeDoc(t, "member"))]));
  if (place === "element" || place === "operand" || place === "member") return ["(", group([indent([softline, members]), softline]), ")"];
  if (place === "argument") return members;
  return group(indent([softline, members]));
}

function intersectionDoc(node: TypeNode & { kind: "intersection" }, place: Place): Doc {
  let indented = false;
  const parts = node.types.map((t, i): Doc => {
    const printed = typeDoc(t, "operand");
    if (i === 0) return printed;
    const object = isObject(t);
    const previous = isObject(node.types[i - 1]!);
    if (object && previous) return [" & ", indented ? indent(printed) : printed];
    if (!object && !previous) return indent([" &", line, printed]);
    if (i > 1) indented = true;
    return [" & ", i > 1 ? indent(printed) : printed];
  });
  const doc = group(parts);
  return place === "element" || place === "member" || place === "operand" ? ["(", doc, ")"] : doc;
}

function objectDoc(node: TypeNode & { kind: "object" }): Doc {
  if (node.members.length === 0) return "{}";
  const members = node.members.map((m, i) => [memberDoc(m), i === node.members.length - 1 ? ifBreak(";") : ";"]);
  return group(["{", indent([line, join(line, members)]), line, "}"]);
}

function argumentsDoc(args: readonly TypeNode[]): Doc {
  if (args.length === 1 && hugsArgument(args[0]!)) return ["<", typeDoc(args[0]!, "argument"), ">"];
  return group([
    "<",
    indent([
      softline,
      join(
        [",", line],
        args.map((a) => typeDoc(a, "argument")),
      ),
    ]),
    softline,
    ">",
  ]);
}

function typeDoc(node: TypeNode, place: Place): Doc {
  switch (node.kind) {
    case "atom":
      return atom(node.text);
    case "reference":
      return [node.name, argumentsDoc(node.args)];
    case "union":
      return unionDoc(node, place);
    case "intersection":
      return intersectionDoc(node, place);
    case "array":
      return [typeDoc(node.element, "element"), "[]"];
    case "readonly":
      return ["readonly ", typeDoc(node.operand, "operand")];
    case "object":
      return objectDoc(node);
  }
}

/** A member without its `;`. */
function memberDoc(node: MemberNode): Doc {
  switch (node.kind) {
    case "property":
      return group([preferredKey(node.key), node.optional ? "?" : "", ": ", typeDoc(node.type, "annotation")]);
    case "index":
      return group(["[", indent([softline, node.parameter]), softline, "]: ", typeDoc(node.type, "annotation")]);
    case "method":
      return group([
        node.name,
        "(",
        indent([softline, join([",", line], node.parameters)]),
        ifBreak(","),
        softline,
        "): ",
        typeDoc(node.returns, "annotation"),
      ]);
  }
}

/**
 * The text of a document with every group flat, or undefined where it holds a
 * line that must break (or anything else these documents do not use).
 */
function flatText(doc: Doc): string | undefined {
  if (typeof doc === "string") return doc;
  if (Array.isArray(doc)) {
    let text = "";
    for (const part of doc) {
      const flat = flatText(part);
      if (flat === undefined) return undefined;
      text += flat;
    }
    return text;
  }
  switch (doc.type) {
    case "group":
    case "indent":
    case "align":
      return flatText(doc.contents);
    case "if-break":
      return flatText(doc.flatContents);
    case "line":
      return doc.hard ? undefined : doc.soft ? "" : " ";
    default:
      return undefined;
  }
}

/**
 * A document printed with its first line starting at `column` (the spaces
 * before it are the caller's). Every line break of these documents is in a
 * group, so a document whose flat text fits prints as that text: most lines
 * do, and skip the printer. Only plain ASCII is measured here; anything else
 * goes to the printer, which knows the width of every character.
 */
function print(doc: Doc, column: number): string {
  const flat = flatText(doc);
  if (flat !== undefined && /^[\x20-\x7e]*$/.test(flat) && column + flat.length <= PRINT_WIDTH) return flat;
  let nested: Doc = [hardline, doc];
  for (let i = 0; i < column / TAB_WIDTH; i++) nested = indent(nested);
  const { formatted } = printer.printDocToString(nested, { printWidth: PRINT_WIDTH, tabWidth: TAB_WIDTH, useTabs: false });
  return formatted.slice(1 + column);
}

const leadingSpaces = (text: string): number => text.length - text.trimStart().length;

/**
 * An interface member line (`  key?: T;`), laid out from its own indentation.
 * A line outside the grammar of `type-syntax.ts` is left as written: only a
 * broken template writes one (the template tests blank partials one by one),
 * and the test that formats every client with prettier would show it.
 */
function layoutMember(text: string): string {
  let member: MemberNode;
  try {
    member = parseMember(text);
  } catch {
    return text;
  }
  const column = leadingSpaces(text);
  return `${" ".repeat(column)}${print([memberDoc(member), ";"], column)}`;
}

/** `export interface Name extends A, B {` (or `{}` for an empty body): the head of an interface. */
const HEAD = /^export interface ([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)(?: extends (.*))? (\{\}?)$/u;

/** The `extends` list of a head, split at its top-level commas. */
function heritage(text: string): TypeNode[] {
  const parsed = parseType(`X<${text}>`);
  return parsed.kind === "reference" ? parsed.args : [];
}

/**
 * An interface head. One base with type arguments stays beside the name (its
 * arguments break instead); a base without them moves to the next line when
 * the head is too long; several bases move there together, one a line if
 * they do not fit on one.
 */
function layoutInterfaceHead(text: string): string {
  const match = HEAD.exec(text);
  if (match === null) throw new Error(`interface layout: not an interface head: ${JSON.stringify(text)}`);
  const [, name, list, brace] = match;
  const bases = list === undefined ? [] : heritage(list);
  const printed = bases.map((b) => typeDoc(b, "argument"));
  let extendsDoc: Doc = "";
  if (bases.length === 1 && bases[0]!.kind === "reference") extendsDoc = [" ", ["extends ", printed[0]!]];
  else if (bases.length === 1) extendsDoc = group(indent([line, group(["extends ", printed[0]!])]));
  else if (bases.length > 1) extendsDoc = group(indent([line, "extends", group(indent([line, join([",", line], printed)]))]));
  return print(["export interface ", name!, extendsDoc, " ", brace!], 0);
}

/**
 * A whole interface declaration as the templates write it (head, then member
 * lines and doc comment lines, then `}`): the head laid out, an empty body
 * closed on the head's line, and each member line laid out.
 */
function layoutInterface(text: string): string {
  const lines = text.replace(/\n$/, "").split("\n");
  const body = lines.slice(1, -1);
  if (lines.at(-1) !== "}") throw new Error(`interface layout: no closing brace in ${JSON.stringify(lines[0])}`);
  if (body.length === 0) return `${layoutInterfaceHead(lines[0]!.replace(/\{$/, "{}"))}\n`;
  const members = body.map((l) => (isCommentLine(l) ? l : layoutMember(l)));
  return `${[layoutInterfaceHead(lines[0]!), ...members, "}"].join("\n")}\n`;
}

const isCommentLine = (text: string): boolean => /^\s*(\/\*\*|\*)/.test(text);

/** A comma-separated list between parentheses, one item a line (and a trailing comma) when it does not fit. */
const parenthesized = (items: string[]): Doc => group(["(", indent([softline, join([",", line], items)]), ifBreak(","), softline, ")"]);

const FUNCTION_HEAD =
  /^export function ([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)\((.*)\): ([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*) \{$/u;
const RETURN_AS =
  /^(\s*)return ([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)\((.*)\) as ([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*);$/u;

/**
 * A function declaration as the factory template writes it: its parameters
 * break onto their own lines when the head is too long, and so do the
 * arguments of a `return call(...) as Type;` in its body.
 */
function layoutFunction(text: string): string {
  const [head, ...body] = text.replace(/\n$/, "").split("\n");
  const match = FUNCTION_HEAD.exec(head!);
  if (match === null) throw new Error(`function layout: not a function head: ${JSON.stringify(head)}`);
  const [, name, parameters, returns] = match;
  const lines = [print(["export function ", name!, parenthesized(parameters!.split(", ")), ": ", returns!, " {"], 0)];
  for (const bodyLine of body) {
    const call = RETURN_AS.exec(bodyLine);
    if (call === null) {
      lines.push(bodyLine);
      continue;
    }
    const [, spaces, callee, args, type] = call;
    lines.push(`${spaces}${print(["return ", callee!, parenthesized(args!.split(", ")), " as ", type!, ";"], spaces!.length)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** An interface or function declaration, laid out (see `layoutInterface` and `layoutFunction`). */
export function layoutDeclaration(text: string): string {
  return text.startsWith("export function ") ? layoutFunction(text) : layoutInterface(text);
}

const PROPERTY = /^(\s*)(\[[^\]]*\]|"(?:[^"\\]|\\.)*"|[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*): (.*),$/u;

/**
 * A property of an object literal whose value is a literal (`  key: "value",`).
 * A string value moves to the next line when the line is too long, unless the
 * key is shorter than five columns (moving would save too little).
 */
export function layoutProperty(text: string): string {
  const match = PROPERTY.exec(text);
  if (match === null) throw new Error(`property layout: not a property: ${JSON.stringify(text)}`);
  const [, spaces, rawKey, rawValue] = match;
  const key = rawKey!.startsWith("[") ? rawKey! : preferredKey(rawKey!);
  const value = /^["']/.test(rawValue!) ? preferredString(rawValue!) : rawValue!;
  const breaks = /^["']/.test(value) && !(!key.startsWith("[") && key.length < TAB_WIDTH + 3);
  const doc: Doc = breaks ? group([key, ":", group(indent([line, value])), ","]) : [key, ": ", value, ","];
  return `${spaces}${print(doc, spaces!.length)}`;
}
