/**
 * A mock Planning Center API on 127.0.0.1: every endpoint, association and
 * action of the given specs, served from the fixtures' records, with state
 * kept in memory for the server's lifetime (a create is visible to a later
 * get). Several versions of one app may be served at once: the request's
 * `X-PCO-API-Version` header chooses, the newest being the default.
 *
 *   const server = await startMockServer({ specs, port: 0 });
 *   await fetch(`${server.url}/people/v2/people`);
 *   await server.close();
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildDataset } from "../dataset/dataset.js";
import { errorDocument, errorObject, notFound, rateLimited, unauthorized, type ErrorDocument } from "../dataset/errors.js";
import { DOCUMENTED_API_FACTS } from "../spec/api-facts.js";
import { latestPerApp } from "../spec/load.js";
import type { Spec } from "../spec/types.js";
import { isAuthorized, type MockAuth } from "./auth.js";
import { handle, type AppVersion, type MockResponse } from "./handlers.js";
import { parseQuery } from "./query.js";
import { SlidingWindow, type RateLimit } from "./rate-limit.js";
import { RouteTable } from "./routes.js";
import { WriteBudget } from "./write-budget.js";
import { trimEndOf } from "../util/trim-chars.js";

export interface MockServerOptions {
  specs?: readonly Spec[];
  /** One spec, for `{ spec }` instead of `{ specs: [spec] }`. */
  spec?: Spec;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Refuse requests over this rate with 429, as the API does; unlimited when absent. */
  rateLimit?: RateLimit;
  /** Refuse requests without these credentials with 401; open when absent. */
  auth?: MockAuth;
  /** The clock that stamps created_at and updated_at. */
  now?: () => Date;
  /** How long a request may take to arrive whole (`REQUEST_TIMEOUT_MS`): lower than the default, for a test that reaches it. */
  requestTimeoutMs?: number;
  /** What clients may store (`write-budget.ts`): lower bounds than the defaults, for a test that reaches them. */
  storage?: { createdRecords?: number; writtenBytes?: number };
}

export interface MockServer {
  /** `http://127.0.0.1:<port>`: use it where the API's base URL goes. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const HOST = "127.0.0.1";
const MAX_BODY_BYTES = 1 << 20;
/**
 * How long a request may take to arrive whole, headers and body. A client
 * that stalls gets a 408 and its connection closed, instead of holding it for
 * Node's default of five minutes.
 */
const REQUEST_TIMEOUT_MS = 30_000;
const RATE_HEADERS = DOCUMENTED_API_FACTS.rateLimit!.headers;
const VERSION_HEADER = "x-pco-api-version";

export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const budget = new WriteBudget(options.storage?.createdRecords, options.storage?.writtenBytes);
  const catalog = new Catalog([...(options.specs ?? []), ...(options.spec === undefined ? [] : [options.spec])], budget);
  const window = options.rateLimit === undefined ? undefined : new SlidingWindow(options.rateLimit);
  const now = options.now ?? (() => new Date());
  const timeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  // Node looks for stalled requests every `connectionsCheckingInterval`: often enough that a stall is cut close to the timeout.
  const serverOptions = { requestTimeout: timeout, headersTimeout: timeout, connectionsCheckingInterval: Math.min(1000, timeout / 4) };
  const server = createServer(serverOptions, (request, response) => {
    serve(request, response).catch((error: unknown) => {
      send(response, {
        status: 500,
        document: errorDocument(errorObject(500, "internal_error", `The mock server failed: ${String(error)}`)),
      });
    });
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const authorization = request.headers.authorization;
    if (options.auth !== undefined && !isAuthorized(authorization, options.auth)) {
      send(response, { status: 401, document: unauthorized(), headers: { "WWW-Authenticate": 'Basic realm="Planning Center"' } });
      return;
    }
    const rateHeaders: Record<string, string> = {};
    if (window !== undefined) {
      const admission = window.take(authorization ?? request.socket.remoteAddress ?? "");
      Object.assign(rateHeaders, {
        [RATE_HEADERS.limit]: String(window.rate.limit),
        [RATE_HEADERS.period]: String(window.rate.periodSeconds),
        [RATE_HEADERS.count]: String(admission.count),
      });
      if (!admission.allowed) {
        const document = rateLimited(admission.count, window.rate.limit, window.rate.periodSeconds);
        send(response, {
          status: 429,
          document,
          headers: { ...rateHeaders, [RATE_HEADERS.retryAfter]: String(admission.retryAfterSeconds) },
        });
        return;
      }
    }
    const body = await readText(request);
    const answer = body === undefined ? tooLarge() : route(request, body);
    send(response, { ...answer, headers: { ...rateHeaders, ...answer.headers } });
  }

  function route(request: IncomingMessage, body: string): MockResponse {
    const target = request.url ?? "/";
    const question = target.indexOf("?");
    const path = question === -1 ? target : target.slice(0, question);
    const segments = decodeSegments(path);
    if (segments === undefined)
      return { status: 400, document: errorDocument(errorObject(400, "invalid_path", `The path ${path} has a broken percent-escape`)) };
    const asked = request.method ?? "GET";
    // HEAD is answered as GET is, as HTTP asks of a server that answers GET (RFC 9110); Node sends the headers without the body.
    const method = asked === "HEAD" ? "GET" : asked;
    const chosen = catalog.choose(segments[1] ?? "", request.headers[VERSION_HEADER]);
    if ("error" in chosen) return { status: 400, document: chosen.error };
    const noRoute = { status: 404, document: notFound(`No endpoint matches ${asked} ${path}`) };
    if (chosen.app === undefined) return noRoute;
    const match = chosen.app.routes.match(method, segments);
    if (match === undefined) return noRoute;
    const versionHeader = { "X-PCO-API-Processed-As-Version": chosen.app.spec.version };
    if ("allowed" in match) {
      const document = errorDocument(errorObject(405, "method_not_allowed", `${path} takes ${match.allowed.join(", ")}, not ${asked}`));
      return { status: 405, document, headers: { ...versionHeader, Allow: match.allowed.join(", ") } };
    }
    const query = parseQuery(question === -1 ? "" : target.slice(question + 1));
    if (query.malformed !== undefined) {
      return {
        status: 400,
        document: errorDocument(
          errorObject(400, "invalid_parameter", `${query.malformed} is not a parameter the API reads`, { parameter: query.malformed }),
        ),
      };
    }
    const baseUrl = `http://${HOST}:${port}`;
    const answer = handle(chosen.app, match.route.handler, match.route.template, match.values, { path, query, body, baseUrl, now: now() });
    return { ...answer, headers: { ...versionHeader, ...answer.headers } };
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A client that keeps a connection busy is not waited for long.
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }),
  };
}

/**
 * The specs by app and version. Each app-version's records and routes are
 * built on its first request, so that starting takes no time whatever the
 * number of specs.
 */
class Catalog {
  private readonly byApp = new Map<string, Map<string, Spec>>();
  private readonly latest = new Map<string, string>();
  private readonly opened = new Map<Spec, AppVersion>();

  constructor(
    specs: readonly Spec[],
    private readonly budget: WriteBudget,
  ) {
    for (const spec of specs) {
      const segment = urlSegmentOf(spec);
      const versions = this.byApp.get(segment) ?? new Map<string, Spec>();
      versions.set(spec.version, spec);
      this.byApp.set(segment, versions);
    }
    for (const [segment, versions] of this.byApp) this.latest.set(segment, latestPerApp([...versions.values()])[0]!.version);
  }

  /** The app-version a request is for: its app segment, and the version it asks for or the newest. */
  choose(app: string, requested: string | string[] | undefined): { app?: AppVersion } | { error: ErrorDocument } {
    const versions = this.byApp.get(app);
    if (versions === undefined) return {};
    const version = typeof requested === "string" && requested !== "" ? requested : this.latest.get(app)!;
    const spec = versions.get(version);
    if (spec === undefined) {
      const known = [...versions.keys()].join(", ");
      return {
        error: errorDocument(
          errorObject(400, "invalid_version", `${app} has no version ${version}; this server has ${known}`, {
            header: "X-PCO-API-Version",
          }),
        ),
      };
    }
    let opened = this.opened.get(spec);
    if (opened === undefined) {
      opened = { spec, dataset: buildDataset(spec), routes: new RouteTable(spec), budget: this.budget, lastIds: new Map() };
      this.opened.set(spec, opened);
    }
    return { app: opened };
  }
}

/**
 * The first segment of the app's URLs, which routes a request: the app's name,
 * except where its docs use another (the Slate site's Check-Ins, `legacy`,
 * lives at `/check_ins/v2`).
 */
function urlSegmentOf(spec: Spec): string {
  const path = spec.resources.flatMap((r) => [r.path, ...r.endpoints.map((e) => e.path)]).find((p) => p !== undefined);
  return path?.split("/")[1] || spec.app;
}

/** `/people/v2/people/` → `["", "people", "v2", "people"]`, each segment percent-decoded; undefined for a broken escape. */
function decodeSegments(path: string): string[] | undefined {
  try {
    return trimEndOf(path, "/").split("/").map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

/** The request body as text; undefined when it is too large (it is still read to the end, so that the 413 can be sent). */
async function readText(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString("utf8");
}

function tooLarge(): MockResponse {
  return { status: 413, document: errorDocument(errorObject(413, "too_large", `A request body is at most ${MAX_BODY_BYTES} bytes`)) };
}

function send(response: ServerResponse, answer: MockResponse): void {
  if (response.headersSent) return;
  const text = answer.document === undefined ? "" : JSON.stringify(answer.document);
  response.writeHead(answer.status, {
    ...(text === "" ? {} : { "Content-Type": "application/vnd.api+json; charset=utf-8" }),
    ...answer.headers,
  });
  response.end(text);
}
