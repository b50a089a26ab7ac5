/**
 * `pco-codegen drift` against a real HTTP server on 127.0.0.1 serving the 2022
 * capture in the live URL layout, with its rate limit scaled down in time (20
 * requests a second): no drift when the committed specs came from that
 * capture, drift with a changelog when they came from the 2025 one, and "could
 * not check" when the server is down or the docs are damaged.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { collectSpecs } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { runCli } from "../helpers/cli.js";
import { corpusPath, DOCS_DIR, describeCorpus } from "../helpers/corpus.js";
import { startDocsServer, type DocsServer } from "../helpers/docs-server.js";
import { rawVertices } from "./raw-vertices.js";
import { writeSpecFolder } from "./spec-builder.js";

const APPS = ["giving", "webhooks"];
const LIMIT = { limit: 20, periodMs: 1000 };

/** The committed spec folder a scrape of one capture would give, for APPS. */
async function specFolderFrom(capture: string, root: string): Promise<string> {
  const read = await collectSpecs({
    from: [parseSourceOperand(`portal:${corpusPath("portal", capture)}`)],
    apps: APPS,
    versions: { kind: "latest" },
  });
  return writeSpecFolder(path.join(root, capture), read.specs);
}

interface JsonChangelog {
  apps: {
    app: string;
    before: string | null;
    after: string | null;
    changes: { class: string; subject: string; action: string; name: string }[];
    resources: { type: string; status: string }[];
  }[];
}

describeCorpus("pco-codegen drift", () => {
  let server: DocsServer;
  let root: string;
  let from2022: string;
  let from2025: string;
  const drift = (spec: string, url: string, ...more: string[]) =>
    runCli(["drift", "--spec", spec, "--from", `portal:${url}`, "--no-cache", "--retries", "1", ...more]);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "pco-drift-"));
    server = await startDocsServer({ folder: path.join(DOCS_DIR, "portal", "captured-2022-12"), rateLimit: LIMIT });
    from2022 = await specFolderFrom("captured-2022-12", root);
    from2025 = await specFolderFrom("captured-2025-07", root);
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("exits 0 when the committed specs came from the capture the server serves", async () => {
    const run = await drift(from2022, server.url);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^no drift: .* matches portal:http:\/\/127\.0\.0\.1:\d+ \(2 app-versions checked; no changes\)$/m);
    expect(server.count(429)).toBe(0);
  });

  it("exits 1 with the changelog when they came from the other capture", async () => {
    const run = await drift(from2025, server.url, "--format", "json");
    expect(run.code).toBe(1);
    const changelog = JSON.parse(run.stdout) as JsonChangelog;
    // giving: the same version, whose resources the 2022 docs lack are gone.
    const giving = changelog.apps.find((a) => a.app === "giving")!;
    expect([giving.before, giving.after]).toEqual(["2019-10-18", "2019-10-18"]);
    const in2022 = rawVertices("captured-2022-12", "giving", "2019-10-18");
    const in2025 = rawVertices("captured-2025-07", "giving", "2019-10-18");
    expect(giving.resources.filter((r) => r.status === "removed").map((r) => r.type)).toEqual(
      [...in2025.keys()].filter((t) => !in2022.has(t)).sort(),
    );
    // webhooks: the committed 2022-10-20 is not in these docs (their newest, 2018-08-01, is older).
    const webhooks = changelog.apps.filter((a) => a.app === "webhooks");
    expect(webhooks.map((a) => `${a.before}→${a.after}`)).toEqual(["2022-10-20→null"]);
    expect(webhooks[0]!.changes).toEqual([
      expect.objectContaining({ class: "breaking", subject: "version", action: "removed", name: "2022-10-20" }),
    ]);
    expect(run.stderr).toMatch(/^drift: .* differs from portal:http:\/\/127\.0\.0\.1:\d+: \d+ breaking/m);
  });

  it("prints the text changelog by default", async () => {
    const run = await drift(from2025, server.url, "--app", "giving");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("giving 2019-10-18:");
    expect(run.stdout).toContain("! resource InKindDonation removed");
  });

  it("exits 2, printing no verdict, when the server is down", async () => {
    const down = await startDocsServer({ folder: path.join(DOCS_DIR, "portal", "captured-2022-12") });
    const url = down.url;
    await down.close();
    const run = await drift(from2022, url);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^error: cannot fetch http:\/\/127\.0\.0\.1:\d+\/(giving|webhooks)\/v2\/documentation: ECONNREFUSED$/m);
    expect(run.stderr).not.toMatch(/no drift/);
  });

  it("reports a newer version appearing beside the committed one, as additive", async () => {
    // A mirror (made here, in a temporary folder) where webhooks 2018-08-01 is joined by a newer version.
    const mirror = path.join(root, "mirror");
    const vertices = path.join(DOCS_DIR, "portal", "captured-2022-12", "webhooks", "v2", "documentation", "2018-08-01", "vertices");
    for (const version of ["2018-08-01", "2030-01-01"]) {
      cpSync(vertices, path.join(mirror, "webhooks", "v2", "documentation", version, "vertices"), { recursive: true });
    }
    const committed = path.join(from2022, "..", "webhooks-only");
    cpSync(path.join(from2022, "webhooks"), path.join(committed, "webhooks"), { recursive: true });

    const run = await runCli(["drift", "--spec", committed, "--from", `portal:${mirror}`, "--format", "json"]);
    expect(run.code).toBe(1);
    const changelog = JSON.parse(run.stdout) as JsonChangelog;
    expect(
      changelog.apps.map(
        (a) => `${a.before}→${a.after}: ${a.changes.map((c) => `${c.class} ${c.subject} ${c.action} ${c.name}`).join("; ")}`,
      ),
    ).toEqual(["2018-08-01→2018-08-01: ", "null→2030-01-01: additive version added 2030-01-01"]);
    const breakingOnly = await runCli(["drift", "--spec", committed, "--from", `portal:${mirror}`, "--fail-on", "breaking"]);
    expect(breakingOnly.code).toBe(0);
    expect(breakingOnly.stdout).toContain("+ version 2030-01-01 added, newer than 2018-08-01");
  });

  it("exits 2 when the docs are damaged", async () => {
    const read = await collectSpecs({
      from: [parseSourceOperand(`portal:${corpusPath("portal", "captured-2022-12")}`)],
      apps: ["calendar"],
      versions: { kind: "latest" },
    });
    const committed = writeSpecFolder(path.join(root, "calendar"), read.specs);
    const run = await runCli(["drift", "--spec", committed, "--from", `portal:${corpusPath("portal", "damaged-2025-07")}`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/error PORTAL_INVALID_JSON/);
    expect(run.stderr).toMatch(/^error: could not check: the docs have errors/m);
  });
});
