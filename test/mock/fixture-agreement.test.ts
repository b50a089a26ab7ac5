/**
 * The fixtures are what the mock server answers: on a fresh server, the URL of
 * each fixture returns that very document (the server's origin in place of
 * the API's), and the requests each error fixture describes return it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../generator/mock/server.js";
import { MISSING_ID } from "../../generator/render/fixtures/error-fixtures.js";
import { fixturesRenderer } from "../../generator/render/fixtures/renderer.js";
import type { Spec } from "../../generator/spec/types.js";
import { committedSpecs } from "../fixtures-render/committed-specs.js";

type Json = Record<string, any>;

let specs: Spec[];
let fixtures: { spec: Spec; name: string; document: Json }[];
let server: MockServer;

beforeAll(async () => {
  specs = await committedSpecs();
  server = await startMockServer({ specs, port: 0 });
  const rendered = await fixturesRenderer.render(specs);
  fixtures = rendered.value
    .filter((f) => f.path.endsWith(".json"))
    .map((f) => {
      const [, app, version, name] = f.path.split("/");
      return { spec: specs.find((s) => s.app === app && s.version === version)!, name: name!, document: JSON.parse(f.contents) as Json };
    });
});
afterAll(() => server.close());

/** The document as the API would send it: the server's origin replaced by the spec's base URL. */
async function fetchAsApi(spec: Spec, url: string, init: RequestInit = {}): Promise<{ status: number; document: Json }> {
  const response = await fetch(url.replace(spec.baseUrl, server.url), {
    ...init,
    headers: { "X-PCO-API-Version": spec.version, ...init.headers },
  });
  return { status: response.status, document: JSON.parse((await response.text()).split(server.url).join(spec.baseUrl)) as Json };
}

describe("every fixture", () => {
  it("is what the mock server returns at the fixture's own URL", async () => {
    const withUrl = fixtures.filter(
      (f) => !f.name.startsWith("errors.") && (f.document.links?.self ?? f.document.data?.links?.self) !== undefined,
    );
    expect(withUrl.length).toBeGreaterThan(500);
    // A few requests at a time: quick, without flooding two shared cores.
    for (let i = 0; i < withUrl.length; i += 8) {
      await Promise.all(
        withUrl.slice(i, i + 8).map(async ({ spec, name, document }) => {
          let url = (document.links?.self ?? document.data.links.self) as string;
          if (name.endsWith(".included.json")) url += `?include=${document.meta.can_include.join(",")}`;
          const answer = await fetchAsApi(spec, url);
          expect(answer, `${spec.app}/${spec.version}/${name}`).toEqual({ status: 200, document });
        }),
      );
    }
  });

  it("of a 404 is what a get of a record that does not exist returns", async () => {
    for (const { spec, document } of fixtures.filter((f) => f.name === "errors.404.json")) {
      const type = /^No (\S+) has the id /.exec(document.errors[0].detail)![1];
      const url = selfLinks(spec).find((link) =>
        fixtures.some((f) => f.spec === spec && f.document.data?.type === type && f.document.data.links?.self === link),
      )!;
      const missing = url.replace(/[^/]+$/, MISSING_ID);
      expect(await fetchAsApi(spec, missing), missing).toEqual({ status: 404, document });
    }
  });

  it("of a 422 is what a create of the first creatable resource setting the attribute it names returns", async () => {
    let checked = 0;
    for (const { spec, document } of fixtures.filter((f) => f.name === "errors.422.json")) {
      const attribute = (document.errors[0].source.pointer as string).replace("/data/attributes/", "");
      const creatable = spec.resources.find((r) => r.endpoints.some((e) => e.operation === "create"));
      // An app with nothing to create (check-ins, publishing) has the document's shape only.
      if (creatable === undefined) continue;
      checked++;
      expect(creatable.attributes.map((a) => a.name)).toContain(attribute);
      expect(creatable.permissions.createAttributes ?? []).not.toContain(attribute);
      const url = concreteUrl(spec, creatable.endpoints.find((e) => e.operation === "create")!.path);
      const body = JSON.stringify({ data: { type: creatable.type, attributes: { [attribute]: null } } });
      expect(await fetchAsApi(spec, url, { method: "POST", body }), url).toEqual({ status: 422, document });
    }
    expect(checked).toBe(specs.filter((s) => s.resources.some((r) => r.endpoints.some((e) => e.operation === "create"))).length);
    expect(checked).toBeGreaterThan(0);
  });
});

/** Every record URL the fixtures of a spec hold. */
function selfLinks(spec: Spec): string[] {
  return fixtures
    .filter((f) => f.spec === spec)
    .flatMap((f) => [f.document.data ?? []].flat())
    .map((record: Json) => record.links?.self as string | undefined)
    .filter((link): link is string => link !== undefined);
}

/** A path template with its parameters filled from a record URL the fixtures hold. */
function concreteUrl(spec: Spec, template: string): string {
  const last = template.lastIndexOf("}");
  if (last === -1) return `${spec.baseUrl}${template}`;
  const prefix = template.slice(0, last + 1);
  const escaped = `${spec.baseUrl}${prefix}`.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
  const pattern = new RegExp(`^${escaped}$`);
  const parent = selfLinks(spec).find((link) => pattern.test(link));
  expect(parent, `a record at ${prefix}`).toBeDefined();
  return `${parent}${template.slice(last + 1)}`;
}
