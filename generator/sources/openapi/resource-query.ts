/**
 * A resource's query vocabulary is the union of what its operations accept;
 * an endpoint records its own only where it differs from that union (a list
 * under an association that takes fewer where clauses, say).
 */
import type { Located, ResourceDraft } from "../../spec/draft.js";
import { sortedStrings } from "../../util/order.js";
import type { EndpointQuery, Operation, QueryParam } from "../../spec/types.js";
import type { OperationQuery } from "./operation-query.js";

export function resourceQueryOf(queries: readonly OperationQuery[]): ResourceDraft["query"] {
  const perPage = queries.find((q) => q.perPage !== undefined)?.perPage;
  const nested = unique(queries.flatMap((q) => q.nestedInclude));
  const relational = mergeWhere(queries.flatMap((q) => q.relationalWhere));
  return {
    where: mergeWhere(queries.flatMap((q) => q.where)),
    order: unique(queries.flatMap((q) => q.order)).map((name) => ({ name })),
    include: unique(queries.flatMap((q) => q.include)).map((name) => ({ name })),
    ...(nested.length === 0 ? {} : { nestedInclude: nested.map((name) => ({ name })) }),
    ...(relational.length === 0 ? {} : { relationalWhere: relational }),
    ...(perPage === undefined ? {} : { perPage }),
    ...(queries.some((q) => q.offset) ? { offset: true } : {}),
  };
}

/**
 * One entry per name, its operators the union of every entry's (`where[x]` and `where[x][gt]` are one clause).
 * Operations that share a parameter share its clause object, which is merged once.
 */
function mergeWhere(params: readonly Located<QueryParam>[]): Located<QueryParam>[] {
  const byName = new Map<string, { first: Located<QueryParam>; description?: string; operators: Set<string> }>();
  for (const param of new Set(params)) {
    const seen = byName.get(param.name) ?? { first: param, operators: new Set<string>() };
    if (seen.description === undefined && param.description !== undefined) seen.description = param.description;
    for (const operator of param.operators ?? []) seen.operators.add(operator);
    byName.set(param.name, seen);
  }
  return [...byName.values()].map(({ first, description, operators }) => {
    const { description: _own, operators: _ops, ...rest } = first;
    return {
      ...rest,
      ...(description === undefined ? {} : { description }),
      ...(operators.size === 0 ? {} : { operators: sortedStrings(operators) }),
    };
  });
}

/** The resource's own query as names, to compare each endpoint's with. */
export function queryNames(resource: ResourceDraft["query"]): EndpointQuery {
  return {
    where: unique(resource.where.map((w) => w.name)),
    relationalWhere: unique((resource.relationalWhere ?? []).map((w) => w.name)),
    order: unique(resource.order.map((o) => o.name)),
    include: unique([...resource.include, ...(resource.nestedInclude ?? [])].map((i) => i.name)),
  };
}

export function endpointQueryOf(operation: Operation, own: OperationQuery, all: EndpointQuery): EndpointQuery | undefined {
  if (operation !== "list" && operation !== "get") return undefined;
  // An operation's names are among its resource's (which are the union of its operations'), so they are
  // the same list exactly when there are as many: counted first, the lists are built only where they differ.
  const list = operation === "list";
  const sameNames =
    distinctCount(own.include, own.nestedInclude) === all.include.length &&
    (!list ||
      (distinctCount(own.where.map(nameOf)) === all.where.length &&
        distinctCount(own.relationalWhere.map(nameOf)) === all.relationalWhere.length &&
        distinctCount(own.order) === all.order.length));
  if (sameNames) return undefined;
  return {
    where: list ? unique(own.where.map(nameOf)) : [],
    relationalWhere: list ? unique(own.relationalWhere.map(nameOf)) : [],
    order: list ? unique(own.order) : [],
    include: unique([...own.include, ...own.nestedInclude]),
  };
}

const nameOf = (param: { name: string }): string => param.name;

/** One set, emptied for each count: the count runs for every operation of a document. */
const counted = new Set<string>();

function distinctCount(...lists: readonly (readonly string[])[]): number {
  counted.clear();
  for (const names of lists) for (const name of names) counted.add(name);
  const size = counted.size;
  counted.clear();
  return size;
}

const unique = (names: readonly string[]): string[] => sortedStrings(new Set(names));
