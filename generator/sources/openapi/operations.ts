/**
 * The operations of an official OpenAPI document: each path and method, with
 * what it does to which resource. A GET returns a collection or one record
 * (the response's `data` is an array or an object); a POST whose body is a
 * `<type>_resource_create` creates, any other POST runs an action; PATCH
 * updates and DELETE deletes the record its path addresses.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { PATH_TEMPLATE } from "../../spec/paths.js";
import type { HttpMethod, Operation } from "../../spec/types.js";
import {
  child,
  entries,
  enumOf,
  isObject,
  member,
  memberAt,
  pointerOf,
  refName,
  resolveChild,
  resolveValue,
  text,
  unfollowedRef,
  unfollowedRefText,
  type Node,
  type RootNode,
} from "./openapi-node.js";

export interface OpenApiOperation {
  /** As the document writes it, relative to the server URL: `/groups/{group_id}`. */
  path: string;
  method: HttpMethod;
  /** `undefined` for an action. */
  operation: Operation | undefined;
  /** The JSON:API type the operation reads or writes; for an action, the type it runs on, when known. */
  type: string | undefined;
  node: Node;
  /** Path-level and operation-level parameters, resolved. */
  parameters: Node[];
  /** For create and update: the attributes the request body may hold. */
  assignable: string[];
}

const METHODS: Readonly<Record<string, HttpMethod>> = { get: "GET", post: "POST", patch: "PATCH", delete: "DELETE" };
const PATH_ITEM_TEXT = new Set(["summary", "description", "parameters"]);

export function readOperations(root: RootNode, file: string, diagnostics: Diagnostic[]): OpenApiOperation[] {
  const found: OpenApiOperation[] = [];
  for (const [path, item] of entries(child(root, "paths"))) {
    // An OpenAPI path starts with `/`; one with `..` or a URL in it would send a client somewhere else than it says.
    if (!PATH_TEMPLATE.test(path)) {
      const problem = `${JSON.stringify(path)} is not a path template (/segment/{parameter}, no ".." or empty segment); skipped`;
      diagnostics.push(diagnostic("warning", "OPENAPI_UNMAPPED_PATH", problem, { file, pointer: pointerOf(item) }));
      continue;
    }
    const shared = parametersOf(root, child(item, "parameters"));
    for (const [key, node] of entries(item)) {
      const method = METHODS[key];
      if (method === undefined) {
        if (!PATH_ITEM_TEXT.has(key)) {
          diagnostics.push(
            diagnostic(
              "warning",
              "OPENAPI_UNMAPPED_METHOD",
              `${key.toUpperCase()} ${path} is not a method the spec knows (GET, POST, PATCH, DELETE); skipped`,
              { file, pointer: pointerOf(node) },
            ),
          );
        }
        continue;
      }
      const parameters = [...shared, ...parametersOf(root, child(node, "parameters"))];
      // Only a GET (list or get) and a PATCH (its type, where its body gives none) read what they answer.
      const success = method === "GET" || method === "PATCH" ? successResponse(root, node.value) : undefined;
      const unread = method === "GET" ? unreadResponse(success) : undefined;
      if (unread !== undefined) {
        // Only the response tells a list from a get: a guess would give clients a method that does something else.
        const problem = `GET ${path}: ${unread}, so whether it lists or gets cannot be told; skipped`;
        diagnostics.push(diagnostic("warning", "OPENAPI_UNREAD_RESPONSE", problem, { file, pointer: pointerOf(node) }));
        continue;
      }
      found.push(operationOf(root, { path, method, node, parameters }, success?.data));
    }
  }
  // A DELETE, or an action, whose own shape does not say its type takes the type of the path it sits at.
  const typeAtPath = new Map<string, string>();
  for (const op of found)
    if (op.type !== undefined && op.operation !== undefined && !typeAtPath.has(op.path)) typeAtPath.set(op.path, op.type);
  return found.map((op) => {
    if (op.type !== undefined) return op;
    const type = op.operation === undefined ? typeAtPath.get(parentPath(op.path)) : typeAtPath.get(op.path);
    if (type === undefined) {
      diagnostics.push(
        diagnostic("warning", "OPENAPI_UNTYPED_OPERATION", `${op.method} ${op.path}: no resource type could be found for it; skipped`, {
          file,
          pointer: pointerOf(op.node),
        }),
      );
    }
    return { ...op, type };
  });
}

export const parentPath = (path: string): string => path.replace(/\/[^/]*$/, "");

function parametersOf(root: RootNode, list: Node): Node[] {
  return Array.isArray(list.value) ? list.value.map((_, i) => resolveChild(root, list, i)) : [];
}

/** What the operation does, read from plain values (`data`: its success response's): none of it carries an origin of its own. */
function operationOf(
  root: RootNode,
  at: Pick<OpenApiOperation, "path" | "method" | "node" | "parameters">,
  data: unknown,
): OpenApiOperation {
  const base = { ...at, assignable: [] as string[] };
  const requestBody = member(at.node.value, "requestBody");
  const body = resolveValue(root, requestBody);
  const bodyData = resolveValue(root, memberAt(body, "content", "application/json", "schema", "properties", "data"));
  const bodyProperties = member(bodyData, "properties");
  const bodyType = enumOf(member(bodyProperties, "type"))[0];
  const attributes = member(resolveValue(root, member(bodyProperties, "attributes")), "properties");
  const assignable = isObject(attributes) ? Object.keys(attributes) : [];
  switch (at.method) {
    case "GET": {
      const many = member(data, "type") === "array";
      const resource = resolveValue(root, many ? member(data, "items") : data);
      return { ...base, operation: many ? "list" : "get", type: typeOfResource(resource) };
    }
    case "POST": {
      const creates = refName(requestBody)?.endsWith("_resource_create") === true;
      return creates ? { ...base, operation: "create", type: bodyType, assignable } : { ...base, operation: undefined, type: undefined };
    }
    case "PATCH":
      return {
        ...base,
        operation: "update",
        type: bodyType ?? typeOfResource(data),
        assignable,
      };
    case "DELETE":
      return { ...base, operation: "delete", type: undefined };
  }
}

interface SuccessResponse {
  status: string;
  response: unknown;
  schema: unknown;
  data: unknown;
}

/** The operation's successful JSON response, each step of the way to its `data` member followed through its `$ref`s. */
function successResponse(root: RootNode, op: unknown): SuccessResponse | undefined {
  const responses = member(op, "responses");
  const status = isObject(responses) ? Object.keys(responses).find((code) => /^2\d\d$/.test(code)) : undefined;
  if (status === undefined) return undefined;
  const response = resolveValue(root, member(responses, status));
  const schema = resolveValue(root, memberAt(response, "content", "application/json", "schema"));
  return { status, response, schema, data: resolveValue(root, memberAt(schema, "properties", "data")) };
}

/** Why a GET's success response gives no `data` schema to read, or undefined when it gives one. */
function unreadResponse(success: SuccessResponse | undefined): string | undefined {
  if (success === undefined) return "it documents no success (2xx) response";
  const { status, response, schema, data } = success;
  if (isObject(data) && unfollowedRef(data) === undefined) return undefined;
  const ref = unfollowedRef(data) ?? unfollowedRef(schema) ?? unfollowedRef(response);
  return ref === undefined
    ? `its ${status} response has no JSON schema with a \`data\` member`
    : `its ${status} response's ${unfollowedRefText(ref)}`;
}

/** The one-value `type` enum of a `<type>_resource` schema. */
export const resourceType = (resource: Node): string | undefined => typeOfResource(resource.value);

function typeOfResource(resource: unknown): string | undefined {
  return isObject(resource) ? enumOf(memberAt(resource, "properties", "type"))[0] : undefined;
}

export const operationLabel = (op: Pick<OpenApiOperation, "method" | "path">): string => `${op.method} ${op.path}`;

export const summaryOf = (node: Node): string | undefined => text(child(node, "summary"));
