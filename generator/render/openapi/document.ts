/**
 * A whole OpenAPI 3.1 document from one spec, or from several (the combined
 * document of every app), with its keys in a fixed order and every map sorted.
 */
import { diagnostic, type Diagnostic, type StageResult } from "../../diagnostics.js";
import { sortedBy, sortedStrings } from "../../util/order.js";
import { specFileName } from "../../spec/serialize.js";
import type { ApiFacts, Resource, Spec } from "../../spec/types.js";
import { ComponentRegistry, type Section } from "./components.js";
import { appContext, tagOf, type AppContext, type DocumentContext } from "./context.js";
import {
  METHODS,
  type Info,
  type Method,
  type OpenApiDocument,
  type Operation,
  type PathItem,
  type SecurityRequirement,
  type Tag,
} from "./model.js";
import { pluralWords } from "./naming.js";
import { appPrefixed, documentOperationIds, semanticOperationId } from "./operation-ids.js";
import { buildOperation } from "./operation-object.js";
import { planOperations, type PlannedOperation } from "./plan.js";
import { pathParameters } from "./parameters.js";
import { resourceObjectSchema } from "./resource-schemas.js";
import { securityRequirements, securitySchemes } from "./security.js";

export interface DocumentPlan {
  specs: readonly Spec[];
  info: Info;
  facts: ApiFacts;
  /** Put before the component keys and tags of each spec (`people.`), where specs share a document. */
  prefixOf: (spec: Spec) => string;
  /** Security on each operation (a document of several apps, each with its own OAuth scope) or once for all. */
  securityPerOperation: boolean;
  /** Whether to group the tags by spec, in `x-tagGroups` (which Redoc reads). */
  tagGroups: boolean;
  /** Whether operationIds start with the app; by default, where the document holds several specs. */
  operationIdsWithApp?: boolean;
}

/** A document built, and the keys its components would have under another prefix (`ComponentRegistry.keysUnder`). */
export interface BuiltDocument extends StageResult<OpenApiDocument> {
  keysUnder(prefix: string): Map<Section, Map<string, string>>;
}

export function buildDocument(plan: DocumentPlan): BuiltDocument {
  const ctx: DocumentContext = { components: new ComponentRegistry(), facts: plan.facts };
  const apps = new Map(plan.specs.map((spec) => [spec, appContext(spec, plan.prefixOf(spec))]));
  const planned = planOperations(plan.specs);
  const diagnostics: Diagnostic[] = [...planned.diagnostics];
  const ids = operationIds(planned.value, plan.operationIdsWithApp ?? plan.specs.length > 1, diagnostics);
  const { paths, tags } = buildPaths(ctx, plan, apps, planned.value, ids);
  // Every resource's object schema is written, returned by an operation or not:
  // it is the resource's definition, which fixtures and other tools look up by type.
  for (const app of apps.values()) for (const resource of app.spec.resources) resourceObjectSchema(ctx, app, resource.type);

  const document: OpenApiDocument = {
    openapi: "3.1.0",
    info: plan.info,
    ...(serversByPath(plan.specs) ? {} : { servers: [{ url: plan.specs[0]?.baseUrl ?? "/" }] }),
    ...(plan.securityPerOperation ? {} : { security: commonSecurity(plan) }),
    tags,
    paths,
    components: { ...ctx.components.toComponents(), securitySchemes: securitySchemes(plan.facts, plan.specs) },
    ...(plan.tagGroups ? { "x-tagGroups": tagGroups(apps, tags) } : {}),
  };
  return { value: document, diagnostics, keysUnder: (prefix) => ctx.components.keysUnder(prefix) };
}

/** The path items, in path order, and a tag for each resource that leads an operation. */
function buildPaths(
  ctx: DocumentContext,
  plan: DocumentPlan,
  apps: ReadonlyMap<Spec, AppContext>,
  planned: readonly PlannedOperation[],
  ids: ReadonlyMap<PlannedOperation, string>,
): { paths: Record<string, PathItem>; tags: Tag[] } {
  const paths: Record<string, PathItem> = {};
  const tagged = new Map<string, Resource>();
  for (const [path, operations] of groupByPath(planned)) {
    const operationsByMethod = new Map<Method, Operation>();
    for (const operation of operations) {
      const { spec, resource } = operation.sources[0]!;
      const app = apps.get(spec)!;
      const security = plan.securityPerOperation ? securityRequirements(plan.facts, spec) : undefined;
      const built = buildOperation(ctx, operation, {
        app,
        operationId: ids.get(operation)!,
        ...(security === undefined ? {} : { security }),
      });
      operationsByMethod.set(operation.method.toLowerCase() as Method, built);
      tagged.set(tagOf(app, resource.type), resource);
    }
    const app = apps.get(operations[0]!.sources[0]!.spec)!;
    const parameters = pathParameters(app, path);
    paths[path] = {
      ...(serversByPath(plan.specs) ? { servers: [{ url: app.spec.baseUrl }] } : {}),
      ...(parameters.length === 0 ? {} : { parameters }),
      ...Object.fromEntries(METHODS.filter((m) => operationsByMethod.has(m)).map((m) => [m, operationsByMethod.get(m)])),
    };
  }
  const tags = sortedBy(
    [...tagged].map(([name, resource]) => tagFor(name, resource)),
    (t) => t.name,
  );
  return { paths, tags };
}

function groupByPath(operations: readonly PlannedOperation[]): Map<string, PlannedOperation[]> {
  const byPath = new Map<string, PlannedOperation[]>();
  for (const operation of operations) byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
  return byPath;
}

/**
 * Semantic operationIds (operation-ids.ts), with the app first in a document
 * of several apps. The rule makes them unique; should two still meet, the
 * later in path order is numbered (`_2`), with a warning.
 */
function operationIds(
  operations: readonly PlannedOperation[],
  severalApps: boolean,
  diagnostics: Diagnostic[],
): Map<PlannedOperation, string> {
  const semantic = documentOperationIds(operations, (operation) => {
    const source = operation.sources[0]!;
    const id = semanticOperationId(source);
    return severalApps ? appPrefixed(source.spec.app, id) : id;
  });
  const ids = new Map<PlannedOperation, string>();
  const taken = new Set<string>();
  for (const operation of operations) {
    const wanted = semantic.get(operation)!;
    let id = wanted;
    for (let n = 2; taken.has(id); n++) id = `${wanted}_${n}`;
    if (id !== wanted) {
      const source = operation.sources[0]!;
      diagnostics.push(
        diagnostic(
          "warning",
          "OPENAPI_OPERATION_ID",
          `${operation.method} ${operation.path} would share the operationId ${wanted}; it is ${id}`,
          {
            file: specFileName(source.spec),
            pointer: source.pointer,
          },
        ),
      );
    }
    taken.add(id);
    ids.set(operation, id);
  }
  return ids;
}

/** The resource's description and path, or at least what the tag holds. */
function tagFor(name: string, resource: Resource): Tag {
  const description = [resource.description, resource.path === undefined ? undefined : `Path: \`${resource.path}\``]
    .filter((t) => t !== undefined && t !== "")
    .join("\n\n");
  return { name, description: description === "" ? `Operations on ${pluralWords(resource.type)}.` : description };
}

function tagGroups(apps: Map<Spec, AppContext>, tags: readonly Tag[]): { name: string; tags: string[] }[] {
  return [...apps.values()].map((app) => ({
    name: app.spec.title,
    tags: sortedStrings(tags.map((t) => t.name).filter((name) => name.startsWith(app.prefix))),
  }));
}

/** One server for the document where every spec has the same base URL; otherwise one per path. */
function serversByPath(specs: readonly Spec[]): boolean {
  return new Set(specs.map((s) => s.baseUrl)).size > 1;
}

function commonSecurity(plan: DocumentPlan): SecurityRequirement[] {
  const spec = plan.specs[0];
  return spec === undefined ? [] : securityRequirements(plan.facts, spec);
}
