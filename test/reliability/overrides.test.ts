/**
 * Overrides: the committed `overrides.json` fixes the known errors of the
 * 2022 docs, each application reported where the docs have the error; an
 * override that matches nothing in the docs read is a warning that names its
 * place in the file; each action and matcher does what it says.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/diagnostics.js";
import { buildSpecs, collectSpecs } from "../../generator/scrape.js";
import type { DraftRead, SourceRead } from "../../generator/sources/reader-result.js";
import type { ResourceDraft, SpecDraft } from "../../generator/spec/draft.js";
import {
  applyOverrides,
  NO_OVERRIDES,
  parseOverrides,
  projectOverrides,
  type Override,
  type OverrideSet,
} from "../../generator/spec/overrides.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { runCli } from "../helpers/cli.js";
import { resourceDraft } from "../helpers/spec-builder.js";
import { corpusPath, describeCorpus, DOCS_DIR, REPO_ROOT } from "../helpers/corpus.js";

function draftRead(resources: ResourceDraft[], app = "people", version = "2022-07-14"): DraftRead {
  const draft: SpecDraft = {
    app,
    version,
    title: "People",
    baseUrl: "https://api.planningcenteronline.com",
    source: { format: "portal", location: "docs" },
    resources,
  };
  return { draft, diagnostics: [] };
}

/** The text of an overrides file, as it would be written. */
function overridesText(overrides: Partial<Override>[]): string {
  const complete = overrides.map((o) => ({
    app: "people",
    versions: "*",
    resource: "Person",
    list: "attributes",
    name: "id",
    action: "drop",
    reason: "a known error",
    ...o,
  }));
  return JSON.stringify({ overrides: complete }, null, 2);
}

/** An override set parsed from its text, so that positions are real. */
function overridesOf(overrides: Partial<Override>[]): OverrideSet {
  const parsed = parseOverrides(overridesText(overrides), "overrides.json");
  expect(parsed.diagnostics).toEqual([]);
  return parsed.value!;
}

const PERSON = resourceDraft({
  type: "Person",
  id: "person",
  attributes: [
    { name: "id", type: "primary_key", origin: { file: "person.json", line: 1, column: 10 } },
    { name: "name", type: "string", origin: { file: "person.json", line: 1, column: 20 } },
    { name: "id", type: "integer", origin: { file: "person.json", line: 1, column: 30 } },
    { name: "name", type: "string", origin: { file: "person.json", line: 1, column: 40 } },
  ],
  associations: [
    { name: "", target: "Note", path: "/people/v2/people/1/", filters: [], origin: { file: "person.json", line: 1, column: 50 } },
  ],
  query: { where: [{ name: "birthdate", type: "string" }], order: [{ name: "name" }], include: [] },
});

const names = (read: DraftRead, list: "attributes" | "associations") =>
  read.draft.resources[0]![list].map((item) => `${item.name}${"type" in item ? `:${item.type}` : ""}`);

describe("applying overrides", () => {
  it.each([
    ["drop, by a field's value", { name: "id", match: { type: "integer" } }, ["id:primary_key", "name:string", "name:string"]],
    ["drop, the second occurrence", { name: "name", occurrence: 2 }, ["id:primary_key", "name:string", "id:integer"]],
    ["drop, every occurrence", { name: "name" }, ["id:primary_key", "id:integer"]],
    [
      "rename",
      { name: "id", match: { type: "integer" }, action: "rename", to: "legacy_id" },
      ["id:primary_key", "name:string", "legacy_id:integer", "name:string"],
    ],
    [
      "set a type",
      { name: "id", occurrence: 2, action: "set-type", to: "primary_key" },
      ["id:primary_key", "name:string", "id:primary_key", "name:string"],
    ],
  ] as const)("%s", (_name, override, expected) => {
    const result = applyOverrides([draftRead([PERSON])], overridesOf([override as Partial<Override>]));
    expect(names(result.value[0]!, "attributes")).toEqual(expected);
    expect(result.diagnostics).toEqual([]);
  });

  it('reaches the other lists: an association named "", a where parameter\'s type, an order', () => {
    const set = overridesOf([
      { list: "associations", name: "" },
      { list: "where", name: "birthdate", action: "set-type", to: "date" },
      { list: "order", name: "name", action: "rename", to: "last_name" },
    ]);
    const [read] = applyOverrides([draftRead([PERSON])], set).value;
    const person = read!.draft.resources[0]!;
    expect(person.associations).toEqual([]);
    expect(person.query.where).toEqual([{ name: "birthdate", type: "date" }]);
    expect(person.query.order).toEqual([{ name: "last_name" }]);
  });

  it("reaches endpoints, named by method and path as the docs write them: drop one, move another", () => {
    const endpoints = [
      { operation: "list" as const, method: "GET" as const, path: "https://api.example.com/people/v2/people" },
      { operation: "create" as const, method: "POST" as const, path: "https://api.example.com/people/v2/emails" },
      { operation: "create" as const, method: "POST" as const, path: "https://api.example.com/people/v2/people/1/emails" },
    ];
    const set = overridesOf([
      { list: "endpoints", name: "POST https://api.example.com/people/v2/people/1/emails", match: { operation: "create" } },
      {
        list: "endpoints",
        name: "POST https://api.example.com/people/v2/emails",
        action: "rename",
        to: "POST https://api.example.com/people/v2/people",
      },
    ]);
    const result = applyOverrides([draftRead([{ ...PERSON, endpoints }])], set);
    expect(result.diagnostics).toEqual([]);
    expect(result.value[0]!.draft.resources[0]!.endpoints).toEqual([
      { operation: "list", method: "GET", path: "https://api.example.com/people/v2/people" },
      { operation: "create", method: "POST", path: "https://api.example.com/people/v2/people" },
    ]);
    expect(result.value[0]!.diagnostics.map((d) => d.message)).toEqual([
      'Person endpoint "POST https://api.example.com/people/v2/people/1/emails" (operation create) dropped by override 1 of overrides.json: a known error',
      'Person endpoint "POST https://api.example.com/people/v2/emails" renamed to "POST https://api.example.com/people/v2/people" by override 2 of overrides.json: a known error',
    ]);
  });

  it("reports each application as info where the docs have the error, and changes nothing else", () => {
    const set = overridesOf([{ name: "id", match: { type: "integer" }, reason: "ids are primary keys" }]);
    const input = draftRead([PERSON]);
    const [read] = applyOverrides([input], set).value;
    expect(read!.diagnostics).toEqual([
      {
        severity: "info",
        code: "OVERRIDE_APPLIED",
        message: 'Person attribute "id" (type integer) dropped by override 1 of overrides.json: ids are primary keys',
        file: "person.json",
        line: 1,
        column: 30,
      },
    ]);
    // The input is not mutated.
    expect(names(input, "attributes")).toEqual(["id:primary_key", "name:string", "id:integer", "name:string"]);
  });

  it("an override that matches nothing in an app-version read is a warning at its place in the file", () => {
    const overrides = [{ name: "id", match: { type: "integer" } }, { name: "nickname" }];
    const result = applyOverrides([draftRead([PERSON])], overridesOf(overrides));
    // The second override opens on the second line that opens an item of the list.
    const line = overridesText(overrides)
      .split("\n")
      .flatMap((text, i) => (text === "    {" ? [i + 1] : []))[1];
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: "warning",
        code: "OVERRIDE_UNUSED",
        message:
          'the override of Person attribute "nickname" matches nothing in people 2022-07-14: the docs no longer have the error it fixes; remove it',
        file: "overrides.json",
        line,
        column: 5,
        pointer: "/overrides/1",
      }),
    ]);
  });

  it.each<[string, Partial<Override>, string]>([
    ["another app", { app: "giving" }, "2022-07-14"],
    ["another version", { versions: "2025-03-20" }, "2022-07-14"],
    ["a version range that leaves it out", { versions: { from: "2023-01-01" } }, "2022-07-14"],
    ["a legacy spec and a range of dated versions", { versions: { to: "2030-01-01" } }, "legacy"],
  ])("concerns no app-version read: %s, and says nothing", (_name, scope, version) => {
    const result = applyOverrides([draftRead([PERSON], "people", version)], overridesOf([{ name: "nickname", ...scope }]));
    expect(result.diagnostics).toEqual([]);
    expect(result.value[0]!.diagnostics).toEqual([]);
  });

  it("a version range takes the dated versions within it", () => {
    const set = overridesOf([{ name: "id", match: { type: "integer" }, versions: { from: "2022-01-01", to: "2022-12-31" } }]);
    expect(names(applyOverrides([draftRead([PERSON])], set).value[0]!, "attributes")).toEqual([
      "id:primary_key",
      "name:string",
      "name:string",
    ]);
  });

  it("is what buildSpecs does first: a duplicate the override drops is not reported as a duplicate", () => {
    const read: SourceRead = { drafts: [draftRead([PERSON])], diagnostics: [] };
    const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => d.code).sort();
    const plain = buildSpecs([read], { versions: { kind: "all" }, overrides: NO_OVERRIDES });
    const fixed = buildSpecs([read], {
      versions: { kind: "all" },
      overrides: overridesOf([
        { name: "id", match: { type: "integer" } },
        { name: "name", occurrence: 2 },
        { list: "associations", name: "" },
      ]),
    });
    expect(codes(plain.diagnostics)).toEqual(["SPEC_DUPLICATE_NAME", "SPEC_DUPLICATE_NAME", "SPEC_EMPTY_NAME"]);
    expect(codes(fixed.diagnostics)).toEqual(["OVERRIDE_APPLIED", "OVERRIDE_APPLIED", "OVERRIDE_APPLIED"]);
  });
});

describe("the overrides file", () => {
  it.each([
    ["not JSON", "{ overrides: [] }", [{ line: 1, column: 3 }]],
    [
      "an override without its reason",
      JSON.stringify(
        { overrides: [{ app: "people", versions: "*", resource: "Person", list: "attributes", name: "id", action: "drop" }] },
        null,
        2,
      ),
      [{ line: 3, column: 5, pointer: "/overrides/0" }],
    ],
    [
      "a type the docs do not define",
      JSON.stringify(
        {
          overrides: [
            {
              app: "people",
              versions: "*",
              resource: "Person",
              list: "attributes",
              name: "id",
              action: "set-type",
              to: "uuid",
              reason: "r",
            },
          ],
        },
        null,
        2,
      ),
      [{ line: 10, column: 7, pointer: "/overrides/0/to" }],
    ],
    [
      "an endpoint named without its method",
      JSON.stringify(
        {
          overrides: [
            { app: "people", versions: "*", resource: "Person", list: "endpoints", name: "/people/v2/people", action: "drop", reason: "r" },
          ],
        },
        null,
        2,
      ),
      [{ line: 8, column: 7, pointer: "/overrides/0/name" }],
    ],
    [
      "a rename without its new name",
      JSON.stringify(
        { overrides: [{ app: "people", versions: "*", resource: "Person", list: "order", name: "id", action: "rename", reason: "r" }] },
        null,
        2,
      ),
      [{ line: 3, column: 5, pointer: "/overrides/0" }],
    ],
  ] as const)("%s: an error that says where", (_name, text, positions) => {
    const parsed = parseOverrides(text, "overrides.json");
    expect(parsed.value).toBeUndefined();
    expect(parsed.diagnostics.map((d) => ({ severity: d.severity, code: d.code, file: d.file }))).toContainEqual({
      severity: "error",
      code: "OVERRIDES_INVALID",
      file: "overrides.json",
    });
    for (const position of positions) expect(parsed.diagnostics).toContainEqual(expect.objectContaining(position));
  });

  it("the committed one is valid, and names only apps the committed spec has", () => {
    const text = readFileSync(path.join(REPO_ROOT, "overrides.json"), "utf8");
    const parsed = parseOverrides(text, "overrides.json");
    expect(parsed.diagnostics).toEqual([]);
    expect(projectOverrides().overrides).toEqual(parsed.value!.overrides);
    const apps = readdirSync(path.join(REPO_ROOT, "spec"), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    for (const o of parsed.value!.overrides) expect(apps).toContain(o.app);
  });
});

/** The raw items of a list of a vertex of the 2022 capture, as the docs give them. */
function rawItems(app: string, version: string, vertex: string, list: string): { name: string; type?: string }[] {
  const file = path.join(DOCS_DIR, "portal/captured-2022-12", app, "v2/documentation", version, "vertices", `${vertex}.json`);
  const document = JSON.parse(readFileSync(file, "utf8")) as {
    data: { relationships: Record<string, { data: { attributes: { name: string; type_annotation?: { name: string } } }[] }> };
  };
  return document.data.relationships[list]!.data.map((item) => ({
    name: item.attributes.name,
    ...(item.attributes.type_annotation ? { type: item.attributes.type_annotation.name } : {}),
  }));
}

describeCorpus("the committed overrides on the 2022 capture", () => {
  const scrape2022 = () =>
    collectSpecs({ from: [parseSourceOperand(`portal:${corpusPath("portal", "captured-2022-12")}`)], versions: { kind: "all" } });

  it("fix every error they name, each reported once at its place in the docs", async () => {
    // The errors, as the docs have them.
    const ids = (app: string, version: string, vertex: string) =>
      rawItems(app, version, vertex, "attributes")
        .filter((a) => a.name === "id")
        .map((a) => a.type);
    expect(ids("giving", "2019-10-18", "organization")).toEqual(["primary_key", "integer"]);
    expect(ids("groups", "2018-08-01", "organization")).toEqual(["primary_key", "string"]);
    expect(ids("people", "2022-07-14", "workflow_card_activity")).toEqual(["primary_key", "integer"]);
    expect(rawItems("people", "2022-07-14", "workflow_step", "attributes").filter((a) => a.name === "name")).toHaveLength(2);
    expect(rawItems("people", "2022-07-14", "workflow_step", "can_order").filter((a) => a.name === "name")).toHaveLength(2);
    expect(rawItems("people", "2022-07-14", "person", "outbound_edges").filter((a) => a.name === "")).toHaveLength(1);
    const livePermissions = JSON.parse(
      readFileSync(path.join(DOCS_DIR, "portal/captured-2022-12/services/v2/documentation/2018-11-01/vertices/live.json"), "utf8"),
    ) as {
      data: { relationships: { permissions: { data: { attributes: { edges: string[] } } } } };
    };
    // Live's create edge is ServiceType's plans edge, which creates a Plan.
    expect(livePermissions.data.relationships.permissions.data.attributes.edges).toEqual(["plan-servicetype-plans"]);

    const result = await scrape2022();
    const applied = result.diagnostics.filter((d) => d.code === "OVERRIDE_APPLIED");
    // Every override but those of the Slate docs, which this capture is not.
    expect(applied).toHaveLength(projectOverrides().overrides.filter((o) => o.versions !== "legacy").length);
    for (const d of applied)
      expect(d).toMatchObject({
        severity: "info",
        line: 1,
        column: expect.any(Number),
        pointer: expect.stringMatching(/^\/data\/relationships\//),
      });
    expect(result.diagnostics.filter((d) => d.code === "OVERRIDE_UNUSED" || d.code === "SPEC_EMPTY_NAME")).toEqual([]);
    expect(result.diagnostics.filter((d) => d.code === "SPEC_DUPLICATE_NAME").map((d) => d.message)).toEqual([]);

    const spec = (app: string) => result.specs.find((s) => s.app === app && s.source.location.endsWith("captured-2022-12"))!;
    const resourceOf = (app: string, type: string) => spec(app).resources.find((r) => r.type === type)!;
    for (const [app, type] of [
      ["giving", "Organization"],
      ["groups", "Organization"],
      ["people", "WorkflowCardActivity"],
    ] as const) {
      expect(resourceOf(app, type).attributes.filter((a) => a.name === "id")).toEqual([expect.objectContaining({ type: "primary_key" })]);
    }
    expect(resourceOf("people", "Person").associations.map((a) => a.name)).not.toContain("");
  });

  it("give each create URL the docs gave two resources to one of them alone", async () => {
    const result = await collectSpecs({
      from: [
        parseSourceOperand(`portal:${corpusPath("portal", "captured-2025-07")}`),
        parseSourceOperand(`slate:${corpusPath("slate", "2018-03-15", "source")}`),
      ],
      apps: ["services"],
      versions: { kind: "all" },
    });
    const creates = (version: string) => {
      const spec = result.specs.find((s) => s.version === version)!;
      const byPath = new Map<string, string[]>();
      for (const r of spec.resources)
        for (const e of r.endpoints) if (e.method === "POST") byPath.set(e.path, [...(byPath.get(e.path) ?? []), r.type]);
      return byPath;
    };
    const shared = (version: string) => [...creates(version)].filter(([, types]) => types.length > 1);
    expect(shared("2018-11-01")).toEqual([]);
    expect(shared("legacy")).toEqual([]);
    expect(creates("2018-11-01").get("/services/v2/service_types/{service_type_id}/plans")).toEqual(["Plan"]);
    // The legacy Folder is created where the portal's docs create one.
    expect(creates("legacy").get("/services/v2/folders")).toEqual(["Folder"]);
    expect(creates("2018-11-01").get("/services/v2/folders")).toEqual(["Folder"]);
    expect(result.diagnostics.filter((d) => d.code === "OVERRIDE_APPLIED" && /^(Live|Folder) endpoint/.test(d.message))).toHaveLength(3);
  });

  it("are told on the command line with --verbose, where the docs have each error", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "pco-overrides-"));
    try {
      const run = await runCli([
        "scrape",
        "--from",
        `portal:${corpusPath("portal", "captured-2022-12")}`,
        "--app",
        "people",
        "--out",
        out,
        "--verbose",
      ]);
      expect(run.code).toBe(0);
      const file = `${corpusPath("portal", "captured-2022-12")}/people/v2/documentation/2022-07-14/vertices/workflow_step.json`;
      expect(run.stderr).toMatch(
        new RegExp(
          `^${file}:1:\\d+: info OVERRIDE_APPLIED: WorkflowStep attribute "name" \\(occurrence 2\\) dropped by override 5 of overrides\\.json: `,
          "m",
        ),
      );
      expect(run.stderr).not.toContain("SPEC_DUPLICATE_NAME");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("give way to --overrides <file>, or to none with --no-overrides", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "pco-overrides-"));
    const scrapePeople = (...extra: string[]) =>
      runCli([
        "scrape",
        "--from",
        `portal:${corpusPath("portal", "captured-2022-12")}`,
        "--app",
        "people",
        "--out",
        out,
        "--verbose",
        ...extra,
      ]);
    try {
      const none = await scrapePeople("--no-overrides");
      expect(none.code).toBe(0);
      expect(none.stderr).not.toContain("OVERRIDE_APPLIED");
      // Without the fix, the docs' duplicate is reported as it is.
      expect(none.stderr).toMatch(/warning SPEC_DUPLICATE_NAME: WorkflowStep: the attribute "name" appears twice/);

      const own = path.join(out, "own-overrides.json");
      writeFileSync(own, overridesText([{ resource: "WorkflowStep", name: "name", occurrence: 2 }]));
      const mine = await scrapePeople("--overrides", own);
      expect(mine.code).toBe(0);
      expect(mine.stderr.match(/info OVERRIDE_APPLIED/g)).toHaveLength(1);
      expect(mine.stderr).toMatch(/WorkflowStep attribute "name" \(occurrence 2\) dropped by override 1 of .*own-overrides\.json/);

      const missing = await scrapePeople("--overrides", path.join(out, "absent.json"));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/^error: cannot read the overrides file .*absent\.json: ENOENT$/m);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
