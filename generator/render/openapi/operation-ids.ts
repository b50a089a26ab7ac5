/**
 * Semantic operationIds: what the operation does, to what, named from the
 * spec's own words (its operation kinds, resource types and association and
 * action names), never from the URL. The rule (docs/openapi-operations.md):
 *
 * | leading item | id |
 * | --- | --- |
 * | list at the resource's own path | `list` + plural type: `listPeople` |
 * | get, create, update, delete at the resource's own path | verb + type: `getPerson`, `createPerson` |
 * | an endpoint under an association | verb + owner type + association (singular but for list): `listPersonPhoneNumbers`, `updatePersonPhoneNumber` |
 * | the current user (`/me`) | `getCurrent` + type: `getCurrentPerson` |
 * | an association the docs list | `list` (or `get` for one record) + owner type + association: `listGroupMemberships`, `getEventLocation` |
 * | an action | `run` + type + action: `runGroupApplicationApprove` |
 *
 * A document of several apps starts each id with the app in camelCase
 * (`peopleListPeople`). Where two operations of one document would share an
 * id, each of them adds `At` and its URL's fixed words after the app root
 * (`getLocationGroupByIdAtEventsLocationGroup`), except the one at its
 * resource's own path, if there is one; only the operations that collide
 * change, and only while they collide.
 */
import pluralize from "pluralize";
import { pascalCase, spacedWords } from "../../util/case.js";
import { memoized } from "../../util/memo.js";
import { pluralWords } from "./naming.js";
import { resultOf } from "./result-kind.js";
import type { OperationSource, PlannedOperation } from "./plan.js";
import { returnsCollection } from "./resource-index.js";
import type { EndpointVia } from "../../spec/types.js";

/** The id of the operation led by `source`, before any document-wide disambiguation. */
export function semanticOperationId(source: OperationSource): string {
  const { item, resource } = source;
  const type = typeName(resource.type);
  if (item.kind === "action") return `run${type}${pascalCase(item.action.name)}`;
  if (item.kind === "association") {
    const verb = resultOf(source).kind === "collection" ? "list" : "get";
    return `${verb}${type}${pascalCase(item.association.name)}`;
  }
  const { endpoint } = item;
  if (endpoint.currentUser) return `${endpoint.operation}Current${type}`;
  if (endpoint.via !== undefined) {
    const { via } = endpoint;
    const association = endpoint.operation === "list" ? via.association : singular(via.association);
    const id = `${endpoint.operation}${typeName(via.resource)}${pascalCase(association)}`;
    // Under an association of one record, that record's id route is `ById`:
    // `getEventLocation` is the association's own GET.
    return endpoint.operation !== "list" && !viaCollection(source, via) ? `${id}ById` : id;
  }
  return endpoint.operation === "list" ? `list${pluralTypeName(resource.type)}` : `${endpoint.operation}${type}`;
}

/** Whether the association an endpoint goes through lists records (to-many), as every renderer decides it. */
function viaCollection(source: OperationSource, via: EndpointVia): boolean {
  const owner = source.spec.resources.find((r) => r.type === via.resource);
  const association = owner?.associations.find((a) => a.name === via.association);
  return owner === undefined || association === undefined || returnsCollection(source.spec, owner, association);
}

/** `checkIns` + `ListEvents`, for a document of several apps. */
export function appPrefixed(app: string, id: string): string {
  const prefix = pascalCase(app);
  return `${prefix.charAt(0).toLowerCase()}${prefix.slice(1)}${id.charAt(0).toUpperCase()}${id.slice(1)}`;
}

/**
 * The ids of a document's operations: each operation's semantic id, and where
 * two would share one, those with `At` and their URL's words; except that an
 * operation at its resource's own path, alone of its group, keeps the plain id
 * (`listTagGroups` is TagGroup's list, not Tag's `groups`).
 */
export function documentOperationIds(
  operations: readonly PlannedOperation[],
  idOf: (operation: PlannedOperation) => string,
): Map<PlannedOperation, string> {
  const wanted = new Map(operations.map((o) => [o, idOf(o)]));
  const groups = new Map<string, PlannedOperation[]>();
  for (const [operation, id] of wanted) groups.set(id, [...(groups.get(id) ?? []), operation]);
  return new Map(
    operations.map((operation) => {
      const id = wanted.get(operation)!;
      const group = groups.get(id)!;
      const owners = group.filter(isAtOwnPath);
      const keeps = group.length === 1 || (owners.length === 1 && owners[0] === operation);
      return [operation, keeps ? id : `${id}At${urlWords(operation)}`];
    }),
  );
}

/** An endpoint at its resource's own path: not under an association, not `/me`. */
function isAtOwnPath(operation: PlannedOperation): boolean {
  const { item } = operation.sources[0]!;
  return item.kind === "endpoint" && item.endpoint.via === undefined && item.endpoint.currentUser !== true;
}

/** The fixed segments of the URL after the app root (`/groups/v2`), in PascalCase. */
function urlWords(operation: PlannedOperation): string {
  const segments = operation.path.split("/").filter((s) => s !== "" && !s.startsWith("{"));
  return pascalCase(segments.slice(2).join(" ")) || "Root";
}

const typeName = (type: string): string => pascalCase(spacedWords(type));

const pluralTypeName = (type: string): string => pascalCase(pluralWords(type));

const singular: (name: string) => string = memoized((name) => {
  const parts = name.split("_");
  const last = parts.pop() ?? "";
  return [...parts, pluralize.singular(last)].join("_");
});
