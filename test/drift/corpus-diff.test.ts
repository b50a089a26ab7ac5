/**
 * The same version captured twice: giving 2019-10-18 and services 2018-11-01
 * in captured-2022-12 and captured-2025-07. Every name added or removed is
 * derived here from the raw vertex documents, and the diff must report exactly
 * those, classified, and no path that differs only in style.
 */
import { Ajv } from "ajv";
import { beforeAll, expect, it } from "vitest";
import { CHANGELOG_SCHEMA } from "../../generator/changelog/json-schema.js";
import { runCli } from "../helpers/cli.js";
import { corpusPath, describeCorpus } from "../helpers/corpus.js";
import { expectedNameChanges, rawVertices, urlShape } from "./raw-vertices.js";

interface JsonChange {
  class: string;
  subject: string;
  action: string;
  name: string;
  field?: string;
  within?: { subject: string; name: string };
  before?: unknown;
  after?: unknown;
}
interface JsonChangelog {
  summary: Record<string, number>;
  apps: {
    app: string;
    before: string;
    after: string;
    changes: JsonChange[];
    resources: { type: string; status: string; changes: JsonChange[] }[];
  }[];
}

const CASES = [
  { app: "giving", version: "2019-10-18" },
  { app: "services", version: "2018-11-01" },
];

describeCorpus("diff of the same versions captured in 2022 and 2025", () => {
  let changelog: JsonChangelog;
  let code: number;

  beforeAll(async () => {
    const run = await runCli([
      "diff",
      `portal:${corpusPath("portal", "captured-2022-12")}`,
      `portal:${corpusPath("portal", "captured-2025-07")}`,
      ...CASES.flatMap((c) => ["--app", c.app]),
      "--format",
      "json",
      "--docs",
    ]);
    code = run.code;
    changelog = JSON.parse(run.stdout) as JsonChangelog;
  });

  const changesOf = (app: string) => {
    const entry = changelog.apps.find((a) => a.app === app)!;
    return [
      ...entry.changes.map((c) => ({ owner: "-", c })),
      ...entry.resources.flatMap((r) => r.changes.map((c) => ({ owner: r.type, c }))),
    ];
  };

  it("exits 1, compares each app-version with itself, and writes JSON that follows the documented schema", () => {
    expect(code).toBe(1);
    expect(changelog.apps.map((a) => `${a.app} ${a.before}→${a.after}`)).toEqual(CASES.map((c) => `${c.app} ${c.version}→${c.version}`));
    const validate = new Ajv({ strict: true, allErrors: true }).compile(CHANGELOG_SCHEMA);
    expect(validate(changelog), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(CASES)("$app: reports every name added or removed in the documents, and nothing else", ({ app, version }) => {
    const expected = expectedNameChanges(rawVertices("captured-2022-12", app, version), rawVertices("captured-2025-07", app, version));
    const subjects = new Set(["resource", "attribute", "where", "order", "include", "action", "association", "filter"]);
    const reported = changesOf(app)
      .filter(({ c }) => subjects.has(c.subject) && c.action !== "changed" && c.within?.subject !== "endpoint")
      .map(
        ({ owner, c }) =>
          `${c.subject === "resource" ? "-" : owner} ${c.subject}${c.within ? ` in ${c.within.subject} ${c.within.name}` : ""} ${c.action} ${c.name}`,
      )
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(15);
    expect(reported).toEqual(expected);
    for (const { c } of changesOf(app).filter(({ c }) => subjects.has(c.subject) && c.action !== "changed")) {
      expect(c.class).toBe(c.action === "added" ? "additive" : "breaking");
    }
  });

  it.each(CASES)("$app: no path is reported changed that differs only in style", ({ app, version }) => {
    const before = rawVertices("captured-2022-12", app, version);
    const after = rawVertices("captured-2025-07", app, version);
    let restyled = 0;
    const moved: string[] = [];
    for (const [type, vertex] of after) {
      const old = before.get(type);
      if (old === undefined) continue;
      const pairs = [
        ...[...vertex.edges].map(([name, e]) => ({ subject: "association", name, was: old.edges.get(name)?.path, now: e.path })),
        ...[...vertex.actions].map(([name, p]) => ({ subject: "action", name, was: old.actions.get(name), now: p })),
      ];
      for (const { subject, name, was, now } of pairs) {
        if (was === undefined) continue;
        if (was !== now && urlShape(was) === urlShape(now)) restyled += 1;
        if (urlShape(was) !== urlShape(now)) moved.push(`${type} ${subject} ${name}`);
      }
    }
    // The captures do write paths differently (sample ids vs named parameters)...
    expect(restyled).toBeGreaterThan(10);
    // ...and only a path that leads elsewhere is a change.
    const reported = changesOf(app)
      .filter(({ c }) => c.field === "path")
      .map(({ owner, c }) => `${owner} ${c.subject} ${c.name}`)
      .sort();
    expect(reported).toEqual(moved.sort());
  });

  it("giving: the changes the docs are known for", () => {
    const facts = changesOf("giving").map(({ owner, c }) => `${c.class} ${owner}.${c.subject}.${c.action}.${c.name}`);
    expect(facts).toEqual(
      expect.arrayContaining([
        "additive InKindDonation.resource.added.InKindDonation",
        "breaking Fund.attribute.removed.color_identifier",
        "additive Designation.attribute.added.fee_cents",
        "additive Donation.attribute.added.fee_covered",
        "additive Organization.attribute.added.text2give_enabled",
        "additive Organization.attribute.added.time_zone",
        "additive PaymentSource.attribute.added.payment_source_type",
        "additive Person.attribute.added.first_donated_at",
        "additive Batch.where.added.updated_at",
        "additive Batch.order.added.updated_at",
        "additive BatchGroup.where.added.updated_at",
        "additive BatchGroup.order.added.updated_at",
        "additive Organization.association.added.in_kind_donations",
        "additive Person.association.added.in_kind_donations",
      ]),
    );
  });

  it("services: the resources added and removed", () => {
    const resources = changelog.apps.find((a) => a.app === "services")!.resources;
    expect(resources.filter((r) => r.status === "added").map((r) => r.type)).toEqual([
      "AttachmentTypeGroup",
      "Attendance",
      "Chat",
      "Email",
    ]);
    expect(resources.filter((r) => r.status === "removed").map((r) => r.type)).toEqual(["CcliReporting"]);
  });

  it("services: a changed attribute type is breaking", () => {
    const raw = (capture: string) => rawVertices(capture, "services", "2018-11-01");
    expect([...raw("captured-2022-12").get("PlanTime")!.attributes]).toContain("time_type");
    const change = changesOf("services").find(
      ({ owner, c }) => owner === "PlanTime" && c.subject === "attribute" && c.name === "time_type",
    )?.c;
    expect(change).toEqual(
      expect.objectContaining({ class: "breaking", action: "changed", field: "type", before: "integer", after: "string" }),
    );
  });
});
