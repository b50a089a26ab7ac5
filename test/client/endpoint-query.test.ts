/**
 * A list whose endpoint takes less than its resource's query vocabulary
 * (`Endpoint.query` in the spec) is typed with what it takes, under real
 * `tsc --strict`. The official documents of 2026-07 give every list of a type
 * the same vocabulary (recounted below from the document itself), so the case
 * is the committed Groups spec with one list narrowed as the spec allows: the
 * events of a group taking fewer where clauses, orders and includes than the
 * top-level events.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, expect, test } from "vitest";
import { writeTree } from "../../generator/emit.js";
import { clientRenderer } from "../../generator/render/client/renderer.js";
import { loadSpecFile } from "../../generator/spec/load.js";
import type { EndpointQuery, Spec } from "../../generator/spec/types.js";
import { corpusPath, describeCorpus, REPO_ROOT } from "../helpers/corpus.js";
import { STRICT_TSC_OPTIONS } from "../helpers/strict-tsc.js";
import type { Rejection } from "./programs.js";

const GROUP_EVENTS = "/groups/v2/groups/{group_id}/events";
const NARROWED: EndpointQuery = { where: ["starts_at"], relationalWhere: ["group.name"], order: ["starts_at"], include: ["location"] };

/** Each list of Event in the official Groups document, with the where, order and include names its parameters give. */
function officialEventLists(): Map<string, string[]> {
  const file = corpusPath("openapi", "official-2026-07", "groups", "v2", "open_api", "2023-07-10.json");
  const document = JSON.parse(readFileSync(file, "utf8")) as {
    paths: { [path: string]: { get?: { parameters?: { $ref?: string; name?: string }[] } } };
    components: { parameters: { [name: string]: { name: string } } };
  };
  const lists = new Map<string, string[]>();
  for (const [route, item] of Object.entries(document.paths)) {
    if (!/(^|\/)events$/.test(route) || item.get === undefined) continue;
    const names = (item.get.parameters ?? [])
      .map((p) => (p.$ref === undefined ? p.name! : document.components.parameters[p.$ref.split("/").pop()!]!.name))
      .filter((name) => /^(where\[|order$|include$)/.test(name));
    lists.set(route, [...new Set(names)].sort());
  }
  return lists;
}

const ACCEPTED = `
import { createClient, type Location } from "pco-codegen/groups";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): void {}

const pco = createClient({ auth: { appId: "app", secret: "secret" } });
// What the group's events take.
const page = await pco.groups.id("1").events.list({
  where: { starts_at: { gte: "2024-01-01" }, group: { name: "Youth" } },
  order: "-starts_at",
  include: ["location"],
});
expectType<Equals<NonNullable<(typeof page.data)[number]>["location"], Location | null>>();
for await (const event of pco.groups.id("1").events.each({ order: "starts_at" })) void event;
// The top-level events take the resource's whole vocabulary, the names refused below included.
await pco.events.list({ where: { name: "Picnic", location: { group: { name: "Youth" } } }, order: "name", include: ["group"] });
`;

const REJECTED: readonly Rejection[] = [
  {
    because: "a where clause the top-level events take and the group's events do not",
    code: `await pco.groups.id("1").events.list({ where: { name: "Picnic" } });`,
    error: /name/,
  },
  {
    because: "a relational where the group's events do not take",
    code: `await pco.groups.id("1").events.list({ where: { location: { group: { name: "Youth" } } } });`,
    error: /location/,
  },
  {
    because: "an order the group's events do not take",
    code: `await pco.groups.id("1").events.list({ order: "name" });`,
    error: /"name"/,
  },
  {
    because: "an include the group's events do not take",
    code: `await pco.groups.id("1").events.list({ include: ["group"] });`,
    error: /"group"/,
  },
  {
    because: "each takes what list takes",
    code: `for await (const e of pco.groups.id("1").events.each({ where: { ends_at: { lt: "2024-01-01" } } })) void e;`,
    error: /ends_at/,
  },
];

describeCorpus("a list typed with its endpoint's own query vocabulary", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pco-endpoint-query-"));
    const committed = (await loadSpecFile(path.join(REPO_ROOT, "spec/groups/2023-07-10.json"))).value[0]!;
    const rendered = await clientRenderer.render([narrowed(committed)]);
    await writeTree({ root: path.join(dir, "generated"), files: rendered.value, owns: () => true });
    const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8")) as { name: string; exports: unknown };
    await writeFile(path.join(dir, "package.json"), JSON.stringify({ name: manifest.name, type: "module", exports: manifest.exports }));
    await mkdir(path.join(dir, "programs"));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  test("the official document gives every list of Event the same vocabulary, so the spec gives none of them its own", async () => {
    const lists = officialEventLists();
    expect([...lists.keys()].sort()).toEqual([
      "/events",
      "/group_types/{group_type_id}/events",
      "/groups/{group_id}/events",
      "/people/{person_id}/events",
    ]);
    expect(new Set([...lists.values()].map((names) => names.join(","))).size).toBe(1);
    const committed = (await loadSpecFile(path.join(REPO_ROOT, "spec/groups/2023-07-10.json"))).value[0]!;
    const event = committed.resources.find((r) => r.type === "Event")!;
    expect(event.endpoints.filter((e) => e.query !== undefined)).toEqual([]);
    // Every name the narrowed list keeps is one the resource has: the narrowing only takes away.
    expect(event.query.where.map((w) => w.name)).toEqual(expect.arrayContaining(["name", "starts_at", "ends_at"]));
    expect(event.query.order).toEqual(expect.arrayContaining(["name", "starts_at"]));
    expect(event.query.include).toEqual(expect.arrayContaining(["group", "location"]));
  });

  test("a call the endpoint takes compiles, and the top-level list still takes the whole vocabulary", async () => {
    const file = path.join(dir, "programs/accepted.ts");
    await writeFile(file, ACCEPTED);
    const program = ts.createProgram([file], STRICT_TSC_OPTIONS);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(errors).toEqual([]);
  });

  test("each name the resource has and the endpoint does not is refused on that endpoint", async () => {
    const header = [`import { createClient } from "pco-codegen/groups";`, `const pco = createClient();`, ""];
    const blocks = REJECTED.map((r, i) => [`export async function rejected${i}(): Promise<void> {`, `  ${r.code}`, "}", ""]);
    const file = path.join(dir, "programs/rejected.ts");
    await writeFile(file, [...header, ...blocks.flat()].join("\n"));
    const program = ts.createProgram([file], STRICT_TSC_OPTIONS);
    const source = program.getSourceFile(file)!;
    const errors = ts.getPreEmitDiagnostics(program);
    const lineOf = (d: ts.Diagnostic) => source.getLineAndCharacterOfPosition(d.start ?? 0).line;
    const lines = REJECTED.map((_, i) => header.length + i * 4 + 1);
    expect(errors.filter((d) => d.file !== source || !lines.includes(lineOf(d))).map((d) => d.messageText)).toEqual([]);
    for (const [i, rejection] of REJECTED.entries()) {
      const messages = errors.filter((d) => lineOf(d) === lines[i]).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(messages, rejection.because).not.toEqual([]);
      expect(messages.join("\n"), rejection.because).toMatch(rejection.error);
    }
  });
});

/** The committed spec with the group's events taking `NARROWED` only. */
function narrowed(spec: Spec): Spec {
  return {
    ...spec,
    resources: spec.resources.map((r) =>
      r.type !== "Event"
        ? r
        : {
            ...r,
            endpoints: r.endpoints.map((e) => (e.operation === "list" && e.path === GROUP_EVENTS ? { ...e, query: NARROWED } : e)),
          },
    ),
  };
}
