/**
 * diff of the Slate markdown snapshots 2017-07-05 → 2017-09-20: the apps,
 * resources, attributes, orders, where parameters and endpoints added and
 * removed, all derived here from the markdown itself.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { buildChangelog } from "../../generator/changelog/changelog.js";
import { renderChangelog } from "../../generator/changelog/render.js";
import { diffSpecSets } from "../../generator/diff/diff.js";
import { docsReader } from "../../generator/commands/diff.js";
import { readSpecSet } from "../../generator/diff/spec-set.js";
import { corpusPath, describeCorpus, DOCS_DIR } from "../helpers/corpus.js";
import { idsAsStars, rawSlate, type RawSlateResource } from "./raw-slate.js";

interface JsonChange {
  subject: string;
  action: string;
  name: string;
  field?: string;
  within?: unknown;
  before?: unknown;
  after?: unknown;
}
interface JsonChangelog {
  apps: { app: string; before: string | null; after: string | null; resources: { type: string; changes: JsonChange[] }[] }[];
}

const BEFORE = "2017-07-05";
const AFTER = "2017-09-20";

/** The apps an `index.md` includes (its front matter's `includes:` list, errors aside). */
function includedApps(snapshot: string): string[] {
  const index = readFileSync(path.join(DOCS_DIR, "slate", snapshot, "source", "index.md"), "utf8");
  const list = /^includes:\n((?:\s+- .+\n)+)/m.exec(index)![1]!;
  return [...list.matchAll(/- (\S+)/g)]
    .map((m) => m[1]!)
    .filter((app) => app !== "errors")
    .sort();
}

describeCorpus("diff of two Slate markdown snapshots", () => {
  let changelog: JsonChangelog;
  let markdown: string;

  beforeAll(async () => {
    // Each snapshot is read once; both formats are rendered from the one comparison.
    const read = { versions: { kind: "latest" } as const };
    const readDocs = docsReader({ cacheDir: false }, {});
    const [before, after] = [
      await readSpecSet(`slate:${corpusPath("slate", BEFORE, "source")}`, read, readDocs),
      await readSpecSet(`slate:${corpusPath("slate", AFTER, "source")}`, read, readDocs),
    ];
    expect([...before.diagnostics, ...after.diagnostics].filter((d) => d.severity === "error")).toEqual([]);
    const built = buildChangelog(diffSpecSets(before.specs, after.specs), { from: before.label, to: after.label, includeDocs: false });
    changelog = JSON.parse(await renderChangelog(built, "json", { colour: false })) as JsonChangelog;
    markdown = await renderChangelog(built, "markdown", { colour: false });
  });

  it("reports the apps the second snapshot added (Webhooks) and none removed", () => {
    const added = includedApps(AFTER).filter((app) => !includedApps(BEFORE).includes(app));
    expect(added).toEqual(["webhooks"]);
    expect(changelog.apps.filter((a) => a.before === null).map((a) => a.app)).toEqual(added);
    expect(changelog.apps.filter((a) => a.after === null)).toEqual([]);
    expect(markdown).toMatch(/^## webhooks legacy \(added\)$/m);
  });

  it("reports every resource, attribute, order, where and endpoint added or removed, and nothing else of those", () => {
    const before = rawSlate(BEFORE);
    const after = rawSlate(AFTER);
    const expected: string[] = [];
    const keys: (keyof RawSlateResource)[] = ["attributes", "where", "order", "endpoints"];
    for (const [segment, resources] of after) {
      // The site's check_ins is Check-Ins, whose specs are filed under today's name.
      const app = segment === "check_ins" ? "check-ins" : segment;
      const old = before.get(segment);
      if (old === undefined) continue;
      for (const type of resources.keys()) if (!old.has(type)) expected.push(`${app} ${type} resource added ${type}`);
      for (const type of old.keys()) if (!resources.has(type)) expected.push(`${app} ${type} resource removed ${type}`);
      for (const [type, now] of resources) {
        const was = old.get(type);
        if (was === undefined) continue;
        for (const key of keys) {
          const added = [...now[key]].filter((name) => !was[key].has(name));
          const removed = [...was[key]].filter((name) => !now[key].has(name));
          // Endpoints that all left one collection for another are the resource's move: one change.
          if (key === "endpoints" && isMove(removed, added)) {
            expected.push(`${app} ${type} moved`);
            continue;
          }
          for (const name of added) expected.push(`${app} ${type} ${key} added ${name}`);
          for (const name of removed) expected.push(`${app} ${type} ${key} removed ${name}`);
        }
      }
    }

    const subjectKey: Record<string, string> = {
      resource: "resource",
      attribute: "attributes",
      where: "where",
      order: "order",
      endpoint: "endpoints",
    };
    const endpointShape = (name: string) => name.replace(/ (\S+)$/, (_m, p: string) => ` ${idsAsStars(p)}`);
    const reported = changelog.apps
      .filter((a) => a.before !== null && a.after !== null)
      .flatMap((a) =>
        a.resources.flatMap((r) =>
          r.changes.flatMap((c): string[] => {
            if (c.subject === "resource" && c.field === "path") return [`${a.app} ${r.type} moved`];
            if (c.action === "changed" || c.within !== undefined) return [];
            // A granted or revoked permission names the endpoints that come or go with it.
            if (c.subject === "permission")
              return ((c.after ?? c.before ?? []) as string[]).map((e) => `${a.app} ${r.type} endpoints ${c.action} ${endpointShape(e)}`);
            const key = subjectKey[c.subject];
            if (key === undefined) return [];
            return [`${a.app} ${r.type} ${key} ${c.action} ${c.subject === "endpoint" ? endpointShape(c.name) : c.name}`];
          }),
        ),
      );
    expect(expected.length).toBeGreaterThan(30);
    expect(reported.sort()).toEqual(expected.sort());
  });
});

/**
 * Requests removed from one collection and added, method for method and suffix
 * for suffix, under another: `GET /a/{id}/b` and its records now at `GET /c`.
 */
function isMove(removed: readonly string[], added: readonly string[]): boolean {
  if (removed.length === 0 || removed.length !== added.length) return false;
  const collection = (names: readonly string[]) => [...names].map((n) => n.split(" ")[1]!).sort((x, y) => x.length - y.length)[0]!;
  const [from, to] = [collection(removed), collection(added)];
  const moved = new Set(removed.map((n) => n.replace(` ${from}`, ` ${to}`)));
  return from !== to && added.every((n) => moved.has(n));
}
