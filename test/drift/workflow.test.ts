/**
 * `.github/workflows/drift.yml`: valid YAML of the expected structure, shell
 * steps that bash can parse, and a changelog command that the CLI accepts.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../helpers/cli.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { sampleAfter, sampleBefore } from "./sample.js";
import { writeSpecFolder } from "./spec-builder.js";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  "continue-on-error"?: unknown;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string };
  env: Record<string, string>;
  jobs: Record<string, { "runs-on": string; steps: Step[] }>;
}

const text = readFileSync(path.join(REPO_ROOT, ".github", "workflows", "drift.yml"), "utf8");
const workflow = parse(text) as Workflow;
const steps = Object.values(workflow.jobs)[0]!.steps;
const indexOf = (predicate: (s: Step) => boolean) => steps.findIndex(predicate);
const runs = (pattern: RegExp) => (s: Step) => pattern.test(s.run ?? "");

describe("the drift workflow", () => {
  it("runs daily and on demand, with the permissions to push a branch and open a pull request", () => {
    expect(workflow.on.schedule).toHaveLength(1);
    expect(workflow.on.schedule![0]!.cron.split(/\s+/)).toHaveLength(5);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect(workflow.permissions).toEqual({ contents: "write", "pull-requests": "write" });
    expect(workflow.concurrency.group).toBeTruthy();
    expect(Object.keys(workflow.jobs)).toHaveLength(1);
  });

  it("installs, then scrapes and regenerates, then commits, then opens the pull request, in that order", () => {
    const order = [
      indexOf((s) => s.uses?.startsWith("actions/checkout@") ?? false),
      indexOf((s) => s.uses?.startsWith("actions/setup-node@") ?? false),
      indexOf(runs(/^npm ci$/m)),
      indexOf(runs(/^cp -R spec "\$RUNNER_TEMP\/spec-before"$/m)),
      indexOf(runs(/^npm run scrape && npm run generate$/m)),
      indexOf(runs(/pco-codegen\.js diff .* --format markdown/)),
      indexOf(runs(/git commit/)),
      indexOf(runs(/gh pr create/)),
    ];
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("lets a failed scrape (unreachable docs) stop the job before any branch or pull request is touched", () => {
    const scrape = indexOf(runs(/npm run scrape/));
    for (const step of steps.slice(scrape)) {
      expect(step["continue-on-error"]).toBeUndefined();
      expect(step.if ?? "").not.toMatch(/always\(\)|failure\(\)/);
    }
    expect(steps[scrape]!.run).not.toMatch(/\|\||; *true/);
  });

  it("commits spec/ and generated/ separately on one fixed branch, and updates the one pull request there", () => {
    expect(workflow.env.BRANCH).toMatch(/^[\w./-]+$/);
    const commit = steps.find(runs(/git commit/))!.run!;
    const lines = commit.split("\n").map((l) => l.trim());
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    expect(at(/^git switch --force-create "\$BRANCH"$/)).toBeGreaterThanOrEqual(0);
    expect(at(/^git add -A spec$/)).toBeLessThan(at(/git commit -m "spec: /));
    expect(at(/git commit -m "spec: /)).toBeLessThan(at(/^git add -A generated$/));
    expect(at(/^git add -A generated$/)).toBeLessThan(at(/git commit -m "generated: /));
    expect(commit).toMatch(/git push --force origin "\$BRANCH"/);
    const pr = steps.find(runs(/gh pr create/))!;
    expect(pr.run).toMatch(/gh pr list --head "\$BRANCH" --state open/);
    expect(pr.run).toMatch(/gh pr edit "\$number" --body-file "\$RUNNER_TEMP\/pr-body\.md"/);
    expect(pr.run).toMatch(/gh pr create --head "\$BRANCH" .*--body-file "\$RUNNER_TEMP\/pr-body\.md"/);
    expect(pr.env?.GH_TOKEN).toContain("github.token");
  });

  it("has shell steps that bash can parse", () => {
    for (const step of steps.filter((s) => s.run !== undefined)) {
      const script = step.run!.replace(/\$\{\{[^}]*\}\}/g, "x");
      expect(() => execFileSync("bash", ["-n"], { input: script, stdio: ["pipe", "pipe", "pipe"] }), step.name ?? step.run).not.toThrow();
    }
  });

  it("writes the changelog with options the CLI accepts", async () => {
    const line = steps.find(runs(/pco-codegen\.js diff/))!.run!.split("\n").find((l) => l.includes("pco-codegen.js diff"))!;
    const args = line.replace(/^.*pco-codegen\.js /, "").replace(/\s*>.*$/, "").split(/\s+/);
    expect(args.slice(0, 3)).toEqual(["diff", '"$RUNNER_TEMP/spec-before"', "spec"]);
    const root = mkdtempSync(path.join(tmpdir(), "pco-workflow-"));
    try {
      const before = writeSpecFolder(path.join(root, "before"), sampleBefore);
      const after = writeSpecFolder(path.join(root, "after"), sampleAfter);
      const run = await runCli(["diff", before, after, ...args.slice(3)]);
      expect(run.code).toBe(0); // --fail-on none: changes are the pull request's content, not a failure
      expect(run.stdout).toMatch(/^# Planning Center API changes\n/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
