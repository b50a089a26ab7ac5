/**
 * `pco-codegen drift --from openapi:<url>`: the committed specs against PCO's
 * official OpenAPI documents, read from a real HTTP server on 127.0.0.1 that
 * serves the 2026-07 documents in the live URL layout
 * (`/<app>/v2/open_api/<version>`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { collectSpecs } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import type { Spec } from "../../generator/spec/types.js";
import { runCli } from "../helpers/cli.js";
import { corpusPath, describeCorpus } from "../helpers/corpus.js";
import { startDocsServer, type DocsServer } from "../helpers/docs-server.js";
import { resource, spec, writeSpecFolder } from "./spec-builder.js";

const OFFICIAL = corpusPath("openapi", "official-2026-07");
const APPS = ["groups", "webhooks"];
/** An app the official documents of 2026-07 do not describe (the folder has no `people/`), committed beside them. */
const PEOPLE = spec([resource("Person", { path: "/people/v2/people" })]);

interface JsonChangelog {
  apps: {
    app: string;
    before: string | null;
    after: string | null;
    resources: { type: string; changes: { class: string; subject: string; action: string; name: string }[] }[];
  }[];
}

/** The where names the official document gives `GET /events`, read from the document itself. */
function eventWhereNames(): string[] {
  const document = JSON.parse(readFileSync(path.join(OFFICIAL, "groups/v2/open_api/2023-07-10.json"), "utf8")) as {
    paths: { [path: string]: { get?: { parameters?: { $ref?: string }[] } } };
    components: { parameters: { [name: string]: { name: string } } };
  };
  const names = (document.paths["/events"]?.get?.parameters ?? [])
    .map((p) => document.components.parameters[p.$ref!.split("/").pop()!]!.name)
    .flatMap((name) => /^where\[([^\]]+)\]$/.exec(name)?.[1] ?? []);
  return [...new Set(names)];
}

describeCorpus("pco-codegen drift against the official OpenAPI documents", () => {
  let server: DocsServer;
  let root: string;
  let specs: Spec[];
  const drift = (spec: string, url: string, ...more: string[]) =>
    runCli(["drift", "--spec", spec, "--from", `openapi:${url}`, "--no-cache", "--retries", "1", ...more]);

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), "pco-drift-openapi-"));
    server = await startDocsServer({ folder: OFFICIAL });
    specs = (await collectSpecs({ from: [parseSourceOperand(`openapi:${OFFICIAL}`)], apps: APPS, versions: { kind: "latest" } })).specs;
  });
  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("exits 0 when the committed specs say what the documents say", async () => {
    const folder = writeSpecFolder(path.join(root, "same"), specs);
    const run = await drift(folder, server.url);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^no drift: .* matches openapi:http:\/\/127\.0\.0\.1:\d+ \(2 app-versions checked; no changes\)$/m);
    const fetched = new Set(server.log.filter((l) => l.status === 200).map((l) => l.path));
    expect(fetched).toEqual(new Set(["/groups/v2/open_api/2023-07-10", "/webhooks/v2/open_api/2022-10-20"]));
  });

  it("exits 1 with the changelog when a committed spec lacks a where the document gives", async () => {
    const where = eventWhereNames();
    expect(where).toContain("name");
    const lacking = specs.map((spec) =>
      spec.app !== "groups"
        ? spec
        : {
            ...spec,
            resources: spec.resources.map((r) =>
              r.type !== "Event" ? r : { ...r, query: { ...r.query, where: r.query.where.filter((w) => w.name !== "name") } },
            ),
          },
    );
    const run = await drift(writeSpecFolder(path.join(root, "lacking"), lacking), server.url, "--format", "json");
    expect(run.code).toBe(1);
    const changelog = JSON.parse(run.stdout) as JsonChangelog;
    const changes = changelog.apps.flatMap((a) =>
      a.resources.flatMap((r) =>
        r.changes.map((c) => `${a.app} ${a.before}→${a.after} ${r.type}: ${c.class} ${c.subject} ${c.action} ${c.name}`),
      ),
    );
    expect(changes).toEqual(["groups 2023-07-10→2023-07-10 Event: additive where added name"]);
    expect(run.stderr).toMatch(/^drift: .* differs from openapi:http:\/\/127\.0\.0\.1:\d+: /m);
  });

  it("checks the apps the server has a document for, and names each committed app it has none for", async () => {
    expect(existsSync(path.join(OFFICIAL, "people"))).toBe(false);
    const folder = writeSpecFolder(path.join(root, "with-people"), [...specs, PEOPLE]);
    const first = server.log.length;
    const run = await drift(folder, server.url);
    expect(run.code).toBe(0);
    const notes = run.stderr.split("\n").filter((line) => line.includes("not checked"));
    expect(notes).toEqual([
      expect.stringMatching(
        /^note: \S*\/with-people\/people\/2025-03-20\.json not checked: openapi:http:\/\/127\.0\.0\.1:\d+ has no document for people 2025-03-20$/,
      ),
    ]);
    expect(run.stderr).toMatch(/^no drift: .* \(2 app-versions checked; no changes\)$/m);
    // People was asked for, and the server said it has no such document.
    expect(server.log.slice(first)).toContainEqual(expect.objectContaining({ path: "/people/v2/open_api/2025-03-20", status: 404 }));
  });

  it("read from a folder in the URL layout, the same apps are checked and the same one named", async () => {
    const folder = writeSpecFolder(path.join(root, "with-people-folder"), [...specs, PEOPLE]);
    const run = await drift(folder, OFFICIAL);
    expect(run.code).toBe(0);
    expect(run.stderr.split("\n").filter((line) => line.includes("not checked"))).toEqual([
      expect.stringMatching(
        /^note: \S*\/with-people-folder\/people\/2025-03-20\.json not checked: openapi:\S*official-2026-07 has no document for people 2025-03-20$/,
      ),
    ]);
    expect(run.stderr).toMatch(/^no drift: .* \(2 app-versions checked; no changes\)$/m);
  });

  it("still fails on real drift in a checked app when another app cannot be checked", async () => {
    const withoutOrganization = specs.map((s) =>
      s.app !== "webhooks" ? s : { ...s, resources: s.resources.filter((r) => r.type !== "Organization") },
    );
    const run = await drift(
      writeSpecFolder(path.join(root, "drift-with-people"), [...withoutOrganization, PEOPLE]),
      server.url,
      "--format",
      "json",
    );
    expect(run.code).toBe(1);
    const changelog = JSON.parse(run.stdout) as JsonChangelog;
    expect(changelog.apps.map((a) => a.app)).toEqual(["groups", "webhooks"]);
    expect(changelog.apps.find((a) => a.app === "webhooks")!.resources.map((r) => r.type)).toContain("Organization");
    expect(run.stderr).toMatch(/not checked: .* has no document for people 2025-03-20/);
  });

  it("an app named with --app that the server has no document for is an error, not a note", async () => {
    const run = await drift(writeSpecFolder(path.join(root, "named-people"), [...specs, PEOPLE]), server.url, "--app", "people");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/OPENAPI_MISSING_DOCUMENT/);
    expect(run.stderr).not.toMatch(/no drift/);
  });

  it("exits 2, printing no verdict, when the server is down", async () => {
    const down = await startDocsServer({ folder: OFFICIAL });
    const url = down.url;
    await down.close();
    const run = await drift(writeSpecFolder(path.join(root, "down"), specs), url);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/ECONNREFUSED/);
    expect(run.stderr).not.toMatch(/no drift/);
  });
});
