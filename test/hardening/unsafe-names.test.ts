/**
 * Names from the docs, flags and config files that would leave the places
 * they name: a Graph listing the vertex `../../../../../../x` or the version
 * `../../x`, `--app //other-host`, a vertex whose path is on another host.
 * Each is refused with a located diagnostic and an exit code, against a real
 * mirror folder (with a decoy document just outside it) and a real loopback
 * server; nothing is read, fetched or written outside.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GeneratorError } from "../../generator/diagnostics.js";
import { listFiles } from "../../generator/emit.js";
import { buildSpecs } from "../../generator/scrape.js";
import { folderStore } from "../../generator/sources/portal/folder-store.js";
import { httpStore } from "../../generator/sources/portal/http-store.js";
import { runCli } from "../helpers/cli.js";
import { describeCorpus, DOCS_DIR, REPO_ROOT } from "../helpers/corpus.js";
import { startDocsServer } from "../helpers/docs-server.js";

const CAPTURE = path.join(DOCS_DIR, "portal", "captured-2022-12");
const VERSION = "2018-08-01";
const ESCAPING_VERTEX = "../../../../../../x";
const DECOY = "DECOY-OUTSIDE-THE-MIRROR";
const work = mkdtempSync(path.join(tmpdir(), "pco-unsafe-names-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface GraphJson {
  data: { relationships: { versions: { data: { id: string; relationships: { vertices: { data: { id: string; type: string }[] } } }[] } } };
}

let mirrors = 0;
/** A copy of the webhooks capture in `<case>/mirror`, changed by `edit`, with a vertex-shaped decoy at `<case>/x.json`. */
function mirror(edit: { graph?: (graph: GraphJson) => void; vertexText?: (text: string) => string }) {
  const root = path.join(work, `case-${(mirrors += 1)}`);
  const folder = path.join(root, "mirror");
  cpSync(path.join(CAPTURE, "webhooks"), path.join(folder, "webhooks"), { recursive: true });
  const graphFile = path.join(folder, "webhooks", "v2", "documentation.json");
  const graph = JSON.parse(readFileSync(graphFile, "utf8")) as GraphJson;
  edit.graph?.(graph);
  writeFileSync(graphFile, `${JSON.stringify(graph, null, 1)}\n`);
  const vertices = path.join(folder, "webhooks", "v2", "documentation", VERSION, "vertices");
  for (const name of readdirSync(vertices)) {
    const file = path.join(vertices, name);
    writeFileSync(file, (edit.vertexText ?? ((t) => t))(readFileSync(file, "utf8")));
  }
  const decoy = readFileSync(path.join(vertices, "event.json"), "utf8").replace(/"description":\s*"/, `"description": "${DECOY} `);
  writeFileSync(path.join(root, "x.json"), decoy);
  return { root, folder, graphFile, out: path.join(root, "out") };
}

/** Every file under a folder, for "nothing was written outside the output". */
const filesUnder = (root: string) => listFiles(root);

const listVertex = (id: string) => (graph: GraphJson) => {
  graph.data.relationships.versions.data[0]!.relationships.vertices.data.push({ id, type: "Vertex" });
};

/** The line of the Graph file where a text first appears. */
const lineOf = (file: string, text: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(text)) + 1;

describeCorpus("names that would become paths or URLs", () => {
  it("a Graph listing the vertex ../../../../../../x over a mirror folder: a located error, the decoy outside is never read, exit 1", async () => {
    const m = mirror({ graph: listVertex(ESCAPING_VERTEX) });
    const before = await filesUnder(m.root);
    const run = await runCli(["scrape", "--from", `portal:${m.folder}`, "--out", m.out]);
    expect(run.code).toBe(1);
    const line = lineOf(m.graphFile, JSON.stringify(ESCAPING_VERTEX));
    expect(run.stderr).toMatch(
      new RegExp(`webhooks/v2/documentation\\.json:${line}:\\d+: error PORTAL_UNSAFE_NAME: the Graph lists the vertex "\\.\\./\\.\\./`),
    );
    expect(run.stderr).not.toContain(DECOY);
    // The version's spec is withheld: its Graph has an error.
    expect(existsSync(path.join(m.out, "webhooks", `${VERSION}.json`))).toBe(false);
    const after = await filesUnder(m.root);
    expect(after.filter((f) => !before.includes(f)).every((f) => f.startsWith("out/"))).toBe(true);
    for (const file of after.filter((f) => f.startsWith("out/")))
      expect(readFileSync(path.join(m.root, file), "utf8")).not.toContain(DECOY);
  });

  it("the same Graph over HTTP: no request leaves the documentation's paths", async () => {
    const m = mirror({ graph: listVertex(ESCAPING_VERTEX) });
    const server = await startDocsServer({ folder: m.folder });
    try {
      const run = await runCli(["scrape", "--from", `portal:${server.url}`, "--app", "webhooks", "--out", m.out, "--no-cache"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/error PORTAL_UNSAFE_NAME: the Graph lists the vertex "\.\.\//);
      expect(server.log.length).toBeGreaterThan(1);
      for (const entry of server.log) expect(entry.path).toMatch(/^\/webhooks\/v2\/documentation(\/2018-08-01\/vertices\/[a-z_]+)?$/);
    } finally {
      await server.close();
    }
  });

  it("with --allow-partial, a Graph version ../../x: refused where the Graph says it, never written, nothing outside the output", async () => {
    const m = mirror({
      graph: (graph) => {
        const [first] = graph.data.relationships.versions.data;
        graph.data.relationships.versions.data.push({ ...first!, id: "../../x" });
      },
    });
    const server = await startDocsServer({ folder: m.folder });
    const before = await filesUnder(m.root);
    try {
      const run = await runCli([
        "scrape",
        "--from",
        `portal:${server.url}`,
        "--app",
        "webhooks",
        "--versions",
        "all",
        "--allow-partial",
        "--out",
        m.out,
        "--no-cache",
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).not.toMatch(/internal error|was written/);
      const line = lineOf(m.graphFile, '"../../x"');
      expect(run.stderr).toContain(`${server.url}/webhooks/v2/documentation:${line}:`);
      expect(run.stderr).toMatch(/error PORTAL_UNSAFE_NAME: the Graph lists the version "\.\.\/\.\.\/x" is not a safe version name/);
      const added = (await filesUnder(m.root)).filter((f) => !before.includes(f));
      expect(added.sort()).toEqual(["out/spec.schema.json", `out/webhooks/${VERSION}.json`]);
      expect(existsSync(path.join(m.root, "x.json.json"))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it.each([
    ["--app", "http://other-host/people"],
    ["--app", "//other-host"],
    ["--app", "../people"],
    ["--versions", "../../x"],
  ])("%s %s: refused before any request, one line, exit 2", async (flag, value) => {
    const m = mirror({});
    const server = await startDocsServer({ folder: m.folder });
    try {
      const run = await runCli(["scrape", "--from", `portal:${server.url}`, flag, value, "--out", m.out, "--no-cache"]);
      expect(run.code).toBe(2);
      expect(run.stderr.split("\n")).toEqual([expect.stringContaining(`${flag} ${JSON.stringify(value)} is not a safe`)]);
      expect(server.log).toEqual([]);
      expect(existsSync(m.out)).toBe(false);
    } finally {
      await server.close();
    }
  });

  it("an unsafe app in a sources file is refused the same way, naming the file", async () => {
    const m = mirror({});
    const config = path.join(m.root, "sources.json");
    writeFileSync(config, JSON.stringify({ from: ["portal:mirror"], out: "out", app: ["//other-host"] }));
    const run = await runCli(["scrape", "--config", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--app (or "app" in ${config}) "//other-host" is not a safe app name`);
    expect(existsSync(m.out)).toBe(false);
  });

  it("a Slate front matter including ../../../../outside/secret or an absolute path: refused at the front matter, the file outside never read, exit 1", async () => {
    const root = path.join(work, `case-${(mirrors += 1)}`);
    const site = path.join(root, "site");
    cpSync(path.join(REPO_ROOT, "test/fixtures/slate/site/source"), site, { recursive: true });
    const outside = path.join(root, "outside");
    // What the escaping names would reach: a page documenting an app of its own, which no spec may hold.
    const decoy = readFileSync(path.join(site, "includes", "_widgets.md"), "utf8").replaceAll("Widget", "Decoy");
    mkdirSync(outside);
    writeFileSync(path.join(outside, "secret.md"), decoy);
    writeFileSync(path.join(outside, "_secret.md"), decoy);
    const names = ["../../../../outside/secret", path.join(outside, "secret")];
    const index = path.join(site, "index.md");
    writeFileSync(index, readFileSync(index, "utf8").replace("  - errors\n", `  - errors\n${names.map((n) => `  - ${n}\n`).join("")}`));
    const out = path.join(root, "out");

    const run = await runCli(["scrape", "--from", `slate:${site}`, "--out", out]);
    expect(run.code).toBe(1);
    const unsafe = run.stderr.split("\n").filter((line) => line.includes("SLATE_UNSAFE_INCLUDE"));
    expect(unsafe).toEqual(
      names.map((name) =>
        expect.stringMatching(
          new RegExp(
            `index\\.md:1: error SLATE_UNSAFE_INCLUDE: the front matter's include ${JSON.stringify(name).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is not a safe include name`,
          ),
        ),
      ),
    );
    const written = await Promise.all((await filesUnder(out)).map((file) => readFileSync(path.join(out, file), "utf8")));
    expect(written.length).toBeGreaterThan(0);
    expect(written.join("\n")).not.toContain("Decoy");
  });

  describe("a vertex path on another host", () => {
    const offHost = (text: string) => text.replaceAll("https://api.planningcenteronline.com", "https://evil.example");

    it("is an error located at the vertex's path, and no spec names that host", async () => {
      const m = mirror({ vertexText: offHost });
      const run = await runCli(["scrape", "--from", `portal:${m.folder}`, "--out", m.out]);
      expect(run.code).toBe(1);
      const eventFile = path.join(m.folder, "webhooks", "v2", "documentation", VERSION, "vertices", "event.json");
      const line =
        readFileSync(eventFile, "utf8")
          .split("\n")
          .findIndex((l) => l.includes('"path"')) + 1;
      expect(run.stderr).toMatch(
        new RegExp(`vertices/event\\.json:${line}:\\d+: error PORTAL_FOREIGN_HOST: the path "https://evil\\.example/webhooks/v2/`),
      );
      expect(existsSync(path.join(m.out, "webhooks", `${VERSION}.json`))).toBe(false);
    });

    it("is the API's URL when the user names the host with --api-host", async () => {
      const m = mirror({ vertexText: offHost });
      const run = await runCli(["scrape", "--from", `portal:${m.folder}`, "--out", m.out, "--api-host", "evil.example"]);
      expect(run.code).toBe(0);
      const spec = JSON.parse(readFileSync(path.join(m.out, "webhooks", `${VERSION}.json`), "utf8")) as { baseUrl: string };
      expect(spec.baseUrl).toBe("https://evil.example");
    });

    it("--api-host takes a host, not a URL", async () => {
      const m = mirror({});
      const run = await runCli(["scrape", "--from", `portal:${m.folder}`, "--out", m.out, "--api-host", "https://evil.example/"]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--api-host "https:\/\/evil\.example\/" is not a host name/);
    });
  });

  it.each([
    ["app", { app: "../../x", version: "2025-03-20" }],
    ["version", { app: "people", version: "../../x" }],
  ])("a draft with an unsafe %s, from any reader, is never written, even with --allow-partial", (_kind, names) => {
    const draft = {
      ...names,
      title: "t",
      baseUrl: "https://api.planningcenteronline.com",
      source: { format: "portal" as const, location: "docs" },
      resources: [],
    };
    const built = buildSpecs([{ drafts: [{ draft, diagnostics: [] }], diagnostics: [] }], {
      versions: { kind: "all" },
      allowPartial: true,
    });
    expect(built.specs).toEqual([]);
    expect(built.withheld).toEqual([`${names.app}/${names.version}`]);
    expect(built.diagnostics.map((d) => [d.severity, d.code, d.file])).toEqual([["error", "SCRAPE_UNSAFE_NAME", "docs"]]);
  });

  describe("the stores resolve every document inside their root", () => {
    it("the folder store refuses a path out of the mirror", async () => {
      const m = mirror({});
      const read = folderStore(m.folder).read(`webhooks/v2/documentation/${VERSION}/vertices/${ESCAPING_VERTEX}`);
      await expect(read).rejects.toThrow(GeneratorError);
      await expect(read).rejects.toThrow(/resolves outside the mirror folder/);
    });

    it("the HTTP store refuses a path out of its base path, before any request", async () => {
      const m = mirror({});
      const server = await startDocsServer({ folder: m.folder });
      try {
        const store = httpStore(`${server.url}/docs`, { cacheDir: false });
        await expect(store.read("../webhooks/v2/documentation")).rejects.toThrow(/outside http:\/\/127\.0\.0\.1:\d+\/docs\//);
        await expect(store.read("%2e%2e/webhooks/v2/documentation")).rejects.toThrow(/outside/);
        await expect(store.read("//other-host/x")).rejects.toThrow(/outside/);
        expect(server.log).toEqual([]);
      } finally {
        await server.close();
      }
    });
  });
});
