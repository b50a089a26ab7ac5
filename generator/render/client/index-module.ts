/**
 * What a package ships for an app's `index.ts`: the ES module (`index.js`) and
 * its declarations (`index.d.ts`), written directly from the client's view.
 * The module is small and always shaped alike (the API's defaults, the route
 * table, the factory), so writing it costs nothing, where compiling it meant
 * loading the TypeScript compiler for every changed client. The text is
 * exactly what the compiler makes of `index.ts`: a test compiles the rendered
 * `index.ts` of every committed client, and of clients stressing names and
 * prose, and compares.
 */
import { routeKey, routeLine, ROUTES_DOC } from "./route-line.js";
import { stringLiteral } from "./ts-text.js";
import type { ApiView, ClientView, RouteView } from "./view.js";

/** The compiler's indentation in what it emits. */
const INDENT = "    ";

export function indexJs(view: ClientView): string {
  return lines(
    docComment(view.header),
    'import { connect } from "../runtime/index.js";',
    'export { PcoError } from "../runtime/index.js";',
    `const api = ${objectText(apiObject(view.api), 0)};`,
    docComment(ROUTES_DOC),
    `const routes = ${objectText(routeEntries(view.routes), 0)};`,
    docComment(view.createDoc),
    `export function ${view.factoryName}(options = {}) {`,
    `${INDENT}return connect(api, routes, options);`,
    "}",
    `export { ${view.factoryName} as createClient };`,
  );
}

export function indexDts(view: ClientView): string {
  return lines(
    docComment(view.header),
    'import { type ClientOptions } from "../runtime/index.js";',
    `import type { ${view.clientName} } from "./types.js";`,
    'export type * from "./types.js";',
    'export { PcoError } from "../runtime/index.js";',
    'export type { ClientOptions, Document, Id, Page } from "../runtime/index.js";',
    docComment(view.createDoc),
    `export declare function ${view.factoryName}(options?: ClientOptions): ${view.clientName};`,
    `export { ${view.factoryName} as createClient };`,
  );
}

const lines = (...parts: string[]): string => `${parts.filter((part) => part !== "").join("\n")}\n`;

/** A doc comment as the `jsdoc` partial frames it; nothing for no lines. */
function docComment(text: readonly string[]): string {
  if (text.length === 0) return "";
  if (text.length === 1) return `/** ${text[0]} */`;
  return ["/**", ...text.map((line) => (line === "" ? " *" : ` * ${line}`)), " */"].join("\n");
}

/** A key and the source text of its value; a nested object is its own entries. */
type Entry = [key: string, value: string | Entry[]];

/** The API's defaults in the order `index.ts` writes them. */
function apiObject(api: ApiView): Entry[] {
  const { limit, periodSeconds, headers } = api.rateLimit;
  return [
    ["baseUrl", stringLiteral(api.baseUrl)],
    ...(api.apiVersion ? [["apiVersion", stringLiteral(api.apiVersion)] as Entry] : []),
    ["tokenUrl", stringLiteral(api.tokenUrl)],
    ["uploadUrl", stringLiteral(api.uploadUrl)],
    ["uploadField", stringLiteral(api.uploadField)],
    [
      "rateLimit",
      [
        ["limit", String(limit)],
        ["periodSeconds", String(periodSeconds)],
        [
          "headers",
          [
            ["limit", stringLiteral(headers.limit)],
            ["period", stringLiteral(headers.period)],
            ["count", stringLiteral(headers.count)],
            ["retryAfter", stringLiteral(headers.retryAfter)],
          ],
        ],
      ],
    ],
  ];
}

function routeEntries(routes: readonly RouteView[]): Entry[] {
  return routes.map((route) => [routeKey(route.type), stringLiteral(routeLine(route))]);
}

/** An object literal as the compiler prints one written over several lines: a member a line, each with a trailing comma. */
function objectText(entries: readonly Entry[], depth: number): string {
  if (entries.length === 0) return "{}";
  const inner = INDENT.repeat(depth + 1);
  const members = entries.map(([key, value]) => `${inner}${key}: ${typeof value === "string" ? value : objectText(value, depth + 1)},`);
  return ["{", ...members, `${INDENT.repeat(depth)}}`].join("\n");
}
