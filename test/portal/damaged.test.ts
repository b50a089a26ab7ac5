/**
 * The damaged 2025 capture: every problem gets exactly one diagnostic naming its
 * file and position, the exit code is 1, and no spec of a damaged app-version
 * is written unless --allow-partial is given. The expected problems are found
 * here by inspecting the documents directly.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../helpers/cli.js";
import { corpusPath, DOCS_DIR, describeCorpus } from "../helpers/corpus.js";

type Json = Record<string, any>;

const SECTIONS = [
  "attributes",
  "relationships",
  "permissions",
  "actions",
  "outbound_edges",
  "inbound_edges",
  "can_include",
  "can_order",
  "can_query",
  "per_page",
  "offset",
  "rate_limits",
];

interface Problems {
  invalidJson: string[];
  unwrapped: string[];
  partial: string[];
  scopeKey: string[];
  headWithoutData: string[];
}

/** What is wrong with the capture, found by looking at each file. */
function inspect(root: string): Problems {
  const problems: Problems = { invalidJson: [], unwrapped: [], partial: [], scopeKey: [], headWithoutData: [] };
  for (const app of readdirSync(root)) {
    const documentation = path.join(root, app, "v2", "documentation");
    for (const version of readdirSync(documentation)) {
      const folder = path.join(documentation, version, "vertices");
      for (const name of readdirSync(folder)) {
        let document: Json;
        try {
          document = JSON.parse(readFileSync(path.join(folder, name), "utf8"));
        } catch {
          problems.invalidJson.push(name);
          continue;
        }
        const wrapped = document.data !== undefined;
        if (!wrapped) problems.unwrapped.push(name);
        const sections = wrapped ? document.data.relationships : document;
        if (SECTIONS.some((s) => !(s in sections))) problems.partial.push(name);
        for (const key of ["outbound_edges", "inbound_edges"]) {
          const edges: Json[] = (wrapped ? sections[key]?.data : sections[key]) ?? [];
          for (const edge of edges) {
            if (edge.relationships && !("data" in (edge.relationships.head ?? {}))) problems.headWithoutData.push(name);
            for (const scope of edge.attributes?.scopes ?? []) if (!("scope_help" in scope)) problems.scopeKey.push(name);
          }
        }
      }
    }
  }
  return problems;
}

const DIAGNOSTIC_LINE = /^(\S+?):(\d+):(\d+): (error|warning) ([A-Z_]+): /;

describeCorpus("the damaged capture", () => {
  const root = path.join(DOCS_DIR, "portal", "damaged-2025-07");
  const expected = inspect(root);
  const out = mkdtempSync(path.join(tmpdir(), "pco-damaged-"));
  let run: CliRun;
  const lines = (code: string) => run.stderr.split("\n").filter((l) => DIAGNOSTIC_LINE.exec(l)?.[5] === code);
  const files = (code: string) =>
    lines(code)
      .map((l) => path.basename(DIAGNOSTIC_LINE.exec(l)![1]!))
      .sort();

  beforeAll(async () => {
    run = await runCli(["scrape", "--from", `portal:${corpusPath("portal", "damaged-2025-07")}`, "--out", out]);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("finds the damage the corpus README describes", () => {
    expect(expected.invalidJson).toHaveLength(3);
    expect(expected.unwrapped).toHaveLength(2);
    expect(expected.partial.length).toBeGreaterThanOrEqual(18);
    expect(expected.scopeKey).toHaveLength(1);
    expect(expected.headWithoutData).toHaveLength(2);
  });

  it("exits 1", () => {
    expect(run.code).toBe(1);
  });

  it("reports each invalid JSON file once, at the position parsing failed", () => {
    expect(files("PORTAL_INVALID_JSON")).toEqual([...expected.invalidJson].sort());
    for (const line of lines("PORTAL_INVALID_JSON")) expect(line).not.toMatch(/:1:1: /);
  });

  it("repairs each document without its data wrapper, with a warning", () => {
    expect(files("PORTAL_MISSING_DATA_WRAPPER")).toEqual([...expected.unwrapped].sort());
    expect(lines("PORTAL_MISSING_DATA_WRAPPER").every((l) => l.includes(": warning "))).toBe(true);
  });

  it("reports each partial vertex once, naming the missing sections", () => {
    expect(files("PORTAL_PARTIAL_VERTEX")).toEqual([...expected.partial].sort());
    for (const line of lines("PORTAL_PARTIAL_VERTEX")) expect(line).toMatch(/lacks \d+ of its 12 sections: [a-z_, ]+/);
  });

  it("reads `scope` as the filter's help, with a warning at its position", () => {
    expect(files("PORTAL_SCOPE_KEY")).toEqual(expected.scopeKey);
    expect(lines("PORTAL_SCOPE_KEY")[0]).toMatch(/person\.json:\d+:\d+: warning .*not_overbooked/);
  });

  it("reports both edges whose head lacks data", () => {
    expect(files("PORTAL_EDGE_HEAD_UNWRAPPED")).toEqual([...expected.headWithoutData].sort());
  });

  it("prints every diagnostic as file:line:col: severity CODE: message", () => {
    const diagnostics = run.stderr.split("\n").filter((l) => / (error|warning) [A-Z_]+: /.test(l));
    const located = diagnostics.filter((l) => DIAGNOSTIC_LINE.test(l) && l.startsWith(corpusPath("portal", "damaged-2025-07")));
    const withheld = diagnostics.filter((l) => l.includes("SCRAPE_WITHHELD"));
    expect(located.length + withheld.length).toBe(diagnostics.length);
  });

  it("writes no spec for a damaged app-version", () => {
    expect(existsSync(path.join(out, "calendar"))).toBe(false);
    expect(existsSync(path.join(out, "check-ins"))).toBe(false);
    expect(run.stderr).toMatch(/not written: calendar\/2022-07-07, check-ins\/2025-05-28/);
  });

  describe("with --allow-partial", () => {
    const partialOut = mkdtempSync(path.join(tmpdir(), "pco-partial-"));
    afterAll(() => rmSync(partialOut, { recursive: true, force: true }));

    it("writes the specs, saying in `partial` what is missing, and still exits 1", async () => {
      const partialRun = await runCli([
        "scrape",
        "--from",
        `portal:${corpusPath("portal", "damaged-2025-07")}`,
        "--out",
        partialOut,
        "--allow-partial",
      ]);
      expect(partialRun.code).toBe(1);
      const damagedFiles = [...expected.invalidJson, ...expected.partial].sort();
      const noted = ["calendar/2022-07-07.json", "check-ins/2025-05-28.json"].flatMap((f) => {
        const spec = JSON.parse(readFileSync(path.join(partialOut, f), "utf8")) as { partial: { file: string; missing: string[] }[] };
        return spec.partial.map((p) => path.basename(p.file));
      });
      expect(noted.sort()).toEqual(damagedFiles);
    });
  });
});
