/**
 * The syntax tree of the type expressions the client's templates write
 * (`type-expressions.ts`, `nested-include-type.ts`, `relational-where-type.ts`
 * and the templates themselves): names with type arguments, string and number
 * literals, `|`, `&`, `readonly`, `T[]`, parentheses and object types. It is
 * read back from that text so that `type-layout.ts` can lay each expression
 * out; the grammar is exactly what the generator writes, and anything outside
 * it is an error in the generator, not in the docs.
 */

export type TypeNode =
  /** A keyword, a name without type arguments, or a literal (a string literal as written, quotes included). */
  | { kind: "atom"; text: string }
  | { kind: "reference"; name: string; args: TypeNode[] }
  | { kind: "union"; types: TypeNode[] }
  | { kind: "intersection"; types: TypeNode[] }
  | { kind: "array"; element: TypeNode }
  | { kind: "readonly"; operand: TypeNode }
  | { kind: "object"; members: MemberNode[] };

/** A member of an interface or object type: `key?: T`, `[name: string]: T` or `name(parameter: T): T`. */
export type MemberNode =
  | { kind: "property"; key: string; optional: boolean; type: TypeNode }
  | { kind: "index"; parameter: string; type: TypeNode }
  | { kind: "method"; name: string; parameters: string[]; returns: TypeNode };

/**
 * One token: a string literal (quotes included), a number, a name (dotted), or
 * one punctuation character. Names are identifiers as the generator makes them
 * (`names.ts` keeps any letter or digit of the docs' names).
 */
const TOKEN =
  /\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|-?\d+(?:\.\d+)?|[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*(?:\.[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)*|[|&()[\]{}<>:;,?])/uy;

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(text);
    if (match === null) {
      if (text.slice(start).trim() === "") break;
      throw new Error(`type syntax: unexpected text at ${start} of ${JSON.stringify(text)}`);
    }
    tokens.push(match[1]!);
  }
  return tokens;
}

class Reader {
  private position = 0;
  constructor(
    private readonly tokens: readonly string[],
    private readonly source: string,
  ) {}

  peek(offset = 0): string | undefined {
    return this.tokens[this.position + offset];
  }

  next(): string {
    const token = this.tokens[this.position++];
    if (token === undefined) throw this.error("unexpected end");
    return token;
  }

  expect(token: string): void {
    const found = this.next();
    if (found !== token) throw this.error(`expected ${token}, found ${found}`);
  }

  accept(token: string): boolean {
    if (this.peek() !== token) return false;
    this.position++;
    return true;
  }

  done(): boolean {
    return this.position === this.tokens.length;
  }

  error(message: string): Error {
    return new Error(`type syntax: ${message} (token ${this.position} of ${JSON.stringify(this.source)})`);
  }
}

const isName = (token: string | undefined): token is string => token !== undefined && /^[\p{ID_Start}$_]/u.test(token);
const isString = (token: string | undefined): token is string => token !== undefined && /^["']/.test(token);

function union(reader: Reader): TypeNode {
  const types = [intersection(reader)];
  while (reader.accept("|")) types.push(intersection(reader));
  return types.length === 1 ? types[0]! : { kind: "union", types };
}

function intersection(reader: Reader): TypeNode {
  const types = [postfix(reader)];
  while (reader.accept("&")) types.push(postfix(reader));
  return types.length === 1 ? types[0]! : { kind: "intersection", types };
}

function postfix(reader: Reader): TypeNode {
  if (reader.peek() === "readonly" && reader.peek(1) !== ":" && reader.peek(1) !== "?") {
    reader.next();
    return { kind: "readonly", operand: postfix(reader) };
  }
  let type = primary(reader);
  while (reader.peek() === "[" && reader.peek(1) === "]") {
    reader.next();
    reader.next();
    type = { kind: "array", element: type };
  }
  return type;
}

function primary(reader: Reader): TypeNode {
  const token = reader.next();
  if (token === "(") {
    const inner = union(reader);
    reader.expect(")");
    return inner;
  }
  if (token === "{") return { kind: "object", members: members(reader, "}") };
  if (isName(token)) {
    if (!reader.accept("<")) return { kind: "atom", text: token };
    const args = [union(reader)];
    while (reader.accept(",")) args.push(union(reader));
    reader.expect(">");
    return { kind: "reference", name: token, args };
  }
  if (isString(token) || /^-?\d/.test(token)) return { kind: "atom", text: token };
  throw reader.error(`unexpected ${token}`);
}

/** Members up to `close`, each ended by `;` (the last one's `;` may be left out). */
function members(reader: Reader, close: string): MemberNode[] {
  const list: MemberNode[] = [];
  while (!reader.accept(close)) {
    list.push(member(reader));
    if (!reader.accept(";") && reader.peek() !== close) throw reader.error(`expected ; or ${close}`);
  }
  return list;
}

function member(reader: Reader): MemberNode {
  if (reader.accept("[")) {
    const name = reader.next();
    reader.expect(":");
    const type = reader.next();
    reader.expect("]");
    reader.expect(":");
    return { kind: "index", parameter: `${name}: ${type}`, type: union(reader) };
  }
  const key = reader.next();
  if (!isName(key) && !isString(key) && !/^\d/.test(key)) throw reader.error(`unexpected ${key}`);
  if (reader.accept("(")) {
    const parameters: string[] = [];
    while (!reader.accept(")")) {
      const name = reader.next();
      reader.expect(":");
      parameters.push(`${name}: ${reader.next()}`);
      reader.accept(",");
    }
    reader.expect(":");
    return { kind: "method", name: key, parameters, returns: union(reader) };
  }
  const optional = reader.accept("?");
  reader.expect(":");
  return { kind: "property", key, optional, type: union(reader) };
}

/** A whole type expression. */
export function parseType(text: string): TypeNode {
  const reader = new Reader(tokenize(text), text);
  const type = union(reader);
  if (!reader.done()) throw reader.error("unexpected text after the type");
  return type;
}

/** One member of an interface, as a line of it reads (`key?: T;`). */
export function parseMember(text: string): MemberNode {
  const reader = new Reader(tokenize(text), text);
  const parsed = member(reader);
  reader.accept(";");
  if (!reader.done()) throw reader.error("unexpected text after the member");
  return parsed;
}
