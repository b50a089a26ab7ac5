/**
 * Each official document, read alone by the `openapi:` source, gives a spec
 * whose counts equal those recounted from the document by plain JSON walking:
 * resources, operations per method, and the where, order, include and filter
 * names.
 */
import { beforeAll, expect, it } from "vitest";
import { collectSpecs, type ScrapeResult } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { corpusPath, describeCorpus } from "../helpers/corpus.js";
import { countSpec, OFFICIAL, OFFICIAL_FOLDER, recount, shapeOf } from "./official-documents.js";

describeCorpus("the official OpenAPI documents, read alone", () => {
  let result: ScrapeResult;
  beforeAll(async () => {
    result = await collectSpecs({ from: [parseSourceOperand(`openapi:${corpusPath(...OFFICIAL_FOLDER)}`)], versions: { kind: "latest" } });
  });

  it("give one spec per document, without an error", () => {
    expect(result.specs.map((s) => `${s.app}/${s.version}`)).toEqual(OFFICIAL.map((o) => `${o.app}/${o.version}`));
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(result.withheld).toEqual([]);
  });

  it.each(OFFICIAL)("$app $version: the spec's counts equal the document's", ({ app, version }) => {
    const spec = result.specs.find((s) => s.app === app && s.version === version)!;
    const want = recount(app, version);
    const have = countSpec(spec);
    expect(have.resources).toBe(want.resources);
    expect(have.operations).toEqual(want.operations);
    expect(have.operationKeys.map(shapeOf).sort()).toEqual(want.operationKeys.map(shapeOf).sort());
    expect(have.where).toEqual(want.where);
    expect(have.order).toEqual(want.order);
    expect(have.include).toEqual(want.include);
    expect(have.filter).toEqual(want.filter);
  });

  it("keeps the security schemes: OAuth 2 with the app's scope, and personal access tokens", () => {
    const groups = result.specs.find((s) => s.app === "groups")!;
    expect(groups.security?.oauth2?.scopes).toEqual(["groups"]);
    expect(groups.security?.personalAccessToken).toBe(true);
    expect(groups.source).toEqual({
      format: "openapi",
      location: corpusPath(...OFFICIAL_FOLDER, "groups", "v2", "open_api", "2023-07-10.json"),
    });
  });

  it("marks every attribute type it mapped with the OpenAPI type it came from", () => {
    const event = result.specs.find((s) => s.app === "groups")!.resources.find((r) => r.type === "Event")!;
    const startsAt = event.attributes.find((a) => a.name === "starts_at")!;
    expect(startsAt).toMatchObject({ type: "date_time", mappedFrom: "openapi string/date-time" });
    expect(event.query.where.find((w) => w.name === "starts_at")?.operators).toEqual(["gt", "gte", "lt", "lte"]);
  });
});
