// Copied by `npm run generate` from templates/runtime/client.ts. Do not edit.
/**
 * A client is built from its app's route table: for each resource type (and
 * for the client itself, under ""), the members of that type's record handle.
 * A member is a collection (list, each, create, and id(x) to a record), a
 * single record (get, create, update, delete, and its own members), or an
 * action (a POST); the generated types offer only what the docs document at
 * each path. Paths are built by appending, to the handle's own path, the
 * member's path (fixed by the docs) or an encoded id, so no value can change
 * the path's shape.
 */
import { documentProblem } from "./document-shape.js";
import { documentOf, pageOf } from "./jsonapi.js";
import type { ApiDefaults, ClientOptions } from "./options.js";
import { queryProblem, searchParams, withOwnIncludes, type AnyQuery } from "./query.js";
import { membersOf, type Member, type Routes } from "./routes.js";
import { createTransport, type SendOptions } from "./transport.js";
import type {
  ActionOptions,
  CallOptions,
  Document,
  Id,
  Page,
  UploadedFile,
  UploadOptions,
} from "./types.js";

const relationshipsOf = (query?: AnyQuery) =>
  query?.relationships === undefined ? {} : { relationships: query.relationships };

const PATH = Symbol("path");
const TYPE = Symbol("type");
const ID = Symbol("id");

interface Handle {
  [PATH]: string;
  [TYPE]: string;
  [ID]?: string;
}

export function connect(api: ApiDefaults, routes: Routes, options: ClientOptions = {}): unknown {
  const http = createTransport(api, options);
  const prototypes = new Map<string, object>();

  /** Sends a request whose answer must be a JSON:API document, and checks that it is one. */
  async function sendForDocument(method: string, url: string, options: SendOptions) {
    const answer = await http.send(method, url, options);
    const problem = documentProblem(answer);
    if (problem) throw http.fail(problem, method, new URL(url).pathname);
    return answer;
  }

  /** The query's URL; a query the API would refuse (perPage out of range) is refused before sending. */
  function urlOf(method: string, path: string, type: string, query?: AnyQuery) {
    const problem = queryProblem(query);
    if (problem) throw http.fail(problem, method, new URL(http.url(path)).pathname);
    return http.url(path, searchParams(withOwnIncludes(query, type)));
  }

  const request = (method: string, handle: Handle, query?: AnyQuery, json?: unknown) =>
    sendForDocument(method, urlOf(method, handle[PATH], handle[TYPE], query), { ...query, json });

  const documentAt = async (method: string, handle: Handle, query?: AnyQuery, json?: unknown) =>
    documentOf(await request(method, handle, query, json), query?.include) as Document<unknown>;

  const record = (path: string, type: string, id?: string): Handle =>
    Object.assign(Object.create(prototypeOf(type)) as Handle, {
      [PATH]: path,
      [TYPE]: type,
      [ID]: id,
    });

  const recordIn = (handle: Handle, id: Id): Handle => {
    const text = String(id);
    if (text === "" || text === "." || text === "..")
      throw http.fail(`${JSON.stringify(text)} is not a record id`, "GET", handle[PATH]);
    return record(`${handle[PATH]}/${encodeURIComponent(text)}`, handle[TYPE], text);
  };

  const collection = (path: string, type: string): Handle =>
    Object.assign(Object.create(collectionMethods) as Handle, {
      [PATH]: path,
      [TYPE]: type,
    });

  function create(this: Handle, attributes: object, query?: AnyQuery) {
    return documentAt("POST", this, query, {
      data: { type: this[TYPE], attributes, ...relationshipsOf(query) },
    });
  }

  const recordMethods = {
    create,
    get(this: Handle, query?: AnyQuery) {
      return documentAt("GET", this, query);
    },
    update(this: Handle, attributes: object, query?: AnyQuery) {
      const id = this[ID] === undefined ? {} : { id: this[ID] };
      return documentAt("PATCH", this, query, {
        data: { type: this[TYPE], ...id, attributes, ...relationshipsOf(query) },
      });
    },
    async delete(this: Handle, options?: CallOptions) {
      await http.send("DELETE", http.url(this[PATH]), options);
    },
  };

  const collectionMethods = {
    async list(this: Handle, query?: AnyQuery): Promise<Page<unknown>> {
      return pageOf(await request("GET", this, query), query?.include);
    },
    /**
     * Every record, page by page (100 a page unless `perPage` says otherwise),
     * following `links.next` without its fragment; a link back to a page
     * already read, or onward from a page of no records, is an error (a
     * server that pages on forever), and `maxPages` ends the walk early.
     */
    async *each(this: Handle, query?: AnyQuery): AsyncIterable<unknown> {
      const paged: AnyQuery = { ...query, perPage: query?.perPage ?? 100 };
      const seen = new Set<string>();
      let url = urlOf("GET", this[PATH], this[TYPE], paged);
      for (let pages = 1; ; pages++) {
        seen.add(url);
        const page = pageOf(await sendForDocument("GET", url, paged), paged.include);
        yield* page.data;
        const next = page.links.next;
        if (typeof next !== "string" || next === "") return;
        if (page.data.length === 0)
          throw http.fail("links.next follows a page of no records", "GET", new URL(url).pathname);
        if (paged.maxPages !== undefined && pages >= paged.maxPages) return;
        const from = url;
        url = http.follow(next, "GET", from);
        if (seen.has(url))
          throw http.fail(
            "links.next points back to a page already read",
            "GET",
            new URL(from).pathname,
          );
      }
    },
    create,
    id(this: Handle, id: Id): Handle {
      return recordIn(this, id);
    },
    async get(this: Handle, id: Id, query?: AnyQuery) {
      return recordMethods.get.call(recordIn(this, id), query);
    },
    async update(this: Handle, id: Id, attributes: object, query?: AnyQuery) {
      return recordMethods.update.call(recordIn(this, id), attributes, query);
    },
    async delete(this: Handle, id: Id, options?: CallOptions) {
      return recordMethods.delete.call(recordIn(this, id), options);
    },
  };

  async function runAction(
    path: string,
    type: string | undefined,
    attributes: unknown,
    options: ActionOptions = {},
  ) {
    const json =
      options.body !== undefined
        ? options.body
        : attributes === undefined
          ? undefined
          : {
              data: type === undefined ? { attributes } : { type, attributes },
            };
    const answer = await sendForDocument("POST", http.url(path), { ...options, json });
    return answer === null ? null : documentOf(answer, undefined);
  }

  function prototypeOf(type: string): object {
    prototypes.set(
      type,
      prototypes.get(type) ??
        Object.create(
          recordMethods,
          Object.fromEntries(
            membersOf(routes, type).map((member) => [
              member.name,
              { enumerable: true, get: memberGetter(member) },
            ]),
          ),
        ),
    );
    return prototypes.get(type)!;
  }

  function memberGetter(member: Member) {
    return function (this: Handle) {
      const path = this[PATH] + member.path;
      if (member.kind === "collection") return collection(path, member.type!);
      if (member.kind === "record") return record(path, member.type!);
      return (attributes?: unknown, options?: ActionOptions) =>
        runAction(path, member.type, attributes, options);
    };
  }

  const client = record("", "") as Handle & { upload?: unknown };
  // Loaded when first used: a bundler splits it out of programs that never upload.
  client.upload = async (file: Blob, options?: UploadOptions): Promise<UploadedFile> =>
    (await import("./upload.js")).upload(http, sendForDocument, api.uploadField, file, options);
  return client;
}
