/**
 * The documents under test: those of the committed specs (`spec/`), and of a
 * small hand-written spec of edge cases (`edge-spec.json`), rendered once per
 * test file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { openApiRenderer } from "../../generator/render/openapi/openapi-renderer.js";
import type { OpenApiDocument, Reference } from "../../generator/render/openapi/model.js";
import { loadSpecs } from "../../generator/spec/load.js";
import type { Spec } from "../../generator/spec/types.js";
import { validateSpec } from "../../generator/spec/validate.js";
import { REPO_ROOT } from "../helpers/corpus.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const EDGE_SPEC_FILE = path.join(HERE, "edge-spec.json");

export interface RenderedDocument {
  /** Relative to `generated/`: `openapi/people-2025-03-20.json`. */
  path: string;
  text: string;
  document: OpenApiDocument;
}

let committed: Promise<Spec[]> | undefined;

export function committedSpecs(): Promise<Spec[]> {
  committed ??= loadSpecs(path.join(REPO_ROOT, "spec")).then((loaded) => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value.length).toBeGreaterThan(0);
    return loaded.value;
  });
  return committed;
}

/** The hand-written spec; it must itself be a valid spec. */
export function edgeSpec(): Spec {
  const spec: unknown = JSON.parse(readFileSync(EDGE_SPEC_FILE, "utf8"));
  expect(validateSpec(spec, EDGE_SPEC_FILE)).toEqual([]);
  return spec as Spec;
}

export async function render(specs: readonly Spec[]): Promise<RenderedDocument[]> {
  const result = await openApiRenderer.render(specs);
  return result.value.map((file) => ({ path: file.path, text: file.contents, document: JSON.parse(file.contents) as OpenApiDocument }));
}

let all: Promise<RenderedDocument[]> | undefined;

/** Every document `generate` writes for the committed specs, and the edge spec's. */
export function allDocuments(): Promise<RenderedDocument[]> {
  all ??= (async () => [
    ...(await render(await committedSpecs())),
    ...(await render([edgeSpec()])).filter((d) => !d.path.endsWith("latest.json")),
  ])();
  return all;
}

/** The operations of a document, as `METHOD path`. */
export function operationsOf(
  document: OpenApiDocument,
): { key: string; operation: NonNullable<OpenApiDocument["paths"][string]["get"]> }[] {
  return Object.entries(document.paths).flatMap(([url, item]) =>
    (["get", "post", "patch", "delete"] as const).flatMap((method) => {
      const operation = item[method];
      return operation === undefined ? [] : [{ key: `${method.toUpperCase()} ${url}`, operation }];
    }),
  );
}

/** What a `#/components/<section>/<key>` reference points at; anything else as it is. */
export function resolve<T>(document: OpenApiDocument, value: T | Reference): T {
  if (typeof value !== "object" || value === null || !("$ref" in value)) return value as T;
  const [, , section, key] = value.$ref.split("/");
  return (document.components as Record<string, Record<string, T>>)[section!]![key!]!;
}
