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
import { documentOf, pageOf } from "./jsonapi.js";
import { PcoError } from "./errors.js";
import { searchParams } from "./query.js";
import { createTransport } from "./transport.js";
const relationshipsOf = (query) => query?.relationships === undefined ? {} : { relationships: query.relationships };
const PATH = Symbol("path");
const TYPE = Symbol("type");
const ID = Symbol("id");
export function connect(api, routes, options = {}) {
    const http = createTransport(api, options);
    const prototypes = new Map();
    const request = (method, path, query, json) => http.send(method, http.url(path, searchParams(query)), { ...query, json });
    const documentAt = async (method, path, query, json) => documentOf(await request(method, path, query, json), query?.include);
    const record = (path, type, id) => Object.assign(Object.create(prototypeOf(type)), {
        [PATH]: path,
        [TYPE]: type,
        [ID]: id,
    });
    const recordIn = (handle, id) => {
        const text = String(id);
        if (text === "" || text === "." || text === "..") {
            throw new PcoError(`${JSON.stringify(text)} is not a record id`, {
                status: 0,
                method: "GET",
                path: handle[PATH],
            });
        }
        return record(`${handle[PATH]}/${encodeURIComponent(text)}`, handle[TYPE], text);
    };
    const collection = (path, type) => Object.assign(Object.create(collectionMethods), {
        [PATH]: path,
        [TYPE]: type,
    });
    function create(attributes, query) {
        return documentAt("POST", this[PATH], query, {
            data: { type: this[TYPE], attributes, ...relationshipsOf(query) },
        });
    }
    const recordMethods = {
        create,
        get(query) {
            return documentAt("GET", this[PATH], query);
        },
        update(attributes, query) {
            const id = this[ID] === undefined ? {} : { id: this[ID] };
            return documentAt("PATCH", this[PATH], query, {
                data: { type: this[TYPE], ...id, attributes, ...relationshipsOf(query) },
            });
        },
        async delete(options) {
            await http.send("DELETE", http.url(this[PATH]), options);
        },
    };
    const collectionMethods = {
        async list(query) {
            return pageOf(await request("GET", this[PATH], query), query?.include);
        },
        async *each(query) {
            const seen = new Set();
            let url = http.url(this[PATH], searchParams(query));
            for (;;) {
                seen.add(url);
                const page = pageOf(await http.send("GET", url, query), query?.include);
                yield* page.data;
                const next = page.links.next;
                if (typeof next !== "string" || next === "")
                    return;
                url = http.follow(next, "GET", new URL(url).pathname);
                if (seen.has(url))
                    throw new PcoError("links.next points back to a page already read", {
                        status: 0,
                        method: "GET",
                        path: new URL(url).pathname,
                    });
            }
        },
        create,
        id(id) {
            return recordIn(this, id);
        },
        async get(id, query) {
            return recordMethods.get.call(recordIn(this, id), query);
        },
        async update(id, attributes, query) {
            return recordMethods.update.call(recordIn(this, id), attributes, query);
        },
        async delete(id, options) {
            return recordMethods.delete.call(recordIn(this, id), options);
        },
    };
    async function runAction(path, type, attributes, options = {}) {
        const json = options.body !== undefined
            ? options.body
            : attributes === undefined
                ? undefined
                : {
                    data: type === undefined ? { attributes } : { type, attributes },
                };
        const answer = await http.send("POST", http.url(path), {
            ...options,
            json,
        });
        return answer === null ? null : documentOf(answer, undefined);
    }
    // Own members only: a type named like an Object.prototype member has none.
    const membersOf = (type) => Object.hasOwn(routes, type) ? Object.entries(routes[type]) : [];
    function prototypeOf(type) {
        prototypes.set(type, prototypes.get(type) ??
            Object.create(recordMethods, Object.fromEntries(membersOf(type).map(([name, member]) => [
                name,
                { enumerable: true, get: memberGetter(member) },
            ]))));
        return prototypes.get(type);
    }
    function memberGetter(member) {
        return function () {
            if ("collection" in member)
                return collection(this[PATH] + member.collection, member.of);
            if ("record" in member)
                return record(this[PATH] + member.record, member.of);
            const path = this[PATH] + member.action;
            return (attributes, options) => runAction(path, member.sends, attributes, options);
        };
    }
    const client = record("", "");
    client.upload = async (file, upload = {}) => {
        const form = new FormData();
        form.append(api.uploadField, file, upload.name);
        const answer = documentOf(await http.send("POST", http.uploadUrl, { ...upload, form }), undefined);
        const uploaded = Array.isArray(answer.data) ? answer.data[0] : answer.data;
        if (typeof uploaded !== "object" ||
            uploaded === null ||
            typeof uploaded.id !== "string") {
            throw new PcoError("the upload answer names no file id", {
                status: 0,
                method: "POST",
                path: new URL(http.uploadUrl).pathname,
            });
        }
        return uploaded;
    };
    return client;
}
