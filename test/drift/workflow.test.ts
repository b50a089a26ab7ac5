/**
 * `.github/workflows/drift.yml`: valid YAML of the expected structure, shell
 * steps that bash can parse, a changelog command that the CLI accepts, and
 * least privilege: a read-only job runs the project's code on the untrusted
 * docs, and a separate job that runs no project code holds the write token.
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
interface Job {
  "runs-on": string;
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  outputs?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string };
  env: Record<string, string>;
  jobs: Record<string, Job>;
}

const text = readFileSync(path.join(REPO_ROOT, ".github", "workflows", "drift.yml"), "utf8");
const workflow = parse(text) as Workflow;
const scrapeJob = workflow.jobs.scrape!;
const publishJob = workflow.jobs.publish!;
const allSteps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const indexIn = (steps: Step[], predicate: (s: Step) => boolean) => steps.findIndex(predicate);
const runs = (pattern: RegExp) => (s: Step) => pattern.test(s.run ?? "");
const uses = (action: string) => (s: Step) => s.uses?.startsWith(`${action}@`) ?? false;
const inOrder = (order: number[]) => {
  expect(
    order.every((i) => i >= 0),
    String(order),
  ).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
};

describe("the drift workflow", () => {
  it("runs daily and on demand, one run at a time, in two jobs: scrape, then publish", () => {
    expect(workflow.on.schedule).toHaveLength(1);
    expect(workflow.on.schedule![0]!.cron.split(/\s+/)).toHaveLength(5);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect(workflow.concurrency.group).toBeTruthy();
    expect(Object.keys(workflow.jobs).sort()).toEqual(["publish", "scrape"]);
    expect(publishJob.needs).toBe("scrape");
  });

  it("grants nothing by default, read-only contents to the scrape job, and the write permissions to the publish job alone", () => {
    expect(workflow.permissions).toEqual({});
    expect(scrapeJob.permissions).toEqual({ contents: "read" });
    expect(publishJob.permissions).toEqual({ contents: "write", "pull-requests": "write" });
  });

  it("never lets the scrape job see a token: no secret, no github.token, no credentials kept by the checkout", () => {
    expect(JSON.stringify(scrapeJob)).not.toMatch(/secrets\.|github\.token|GH_TOKEN/);
    for (const step of allSteps.filter(uses("actions/checkout"))) {
      expect(step.with?.["persist-credentials"]).toBe(false);
      expect(step.with).not.toHaveProperty("token");
    }
    expect(allSteps.filter(uses("actions/checkout"))).toHaveLength(2);
  });

  it("installs without dependency install scripts, then builds explicitly", () => {
    const install = scrapeJob.steps
      .find(runs(/npm ci/))!
      .run!.trim()
      .split("\n");
    expect(install).toEqual(["npm ci --ignore-scripts", "npm run build"]);
    for (const step of allSteps) expect(step.run ?? "").not.toMatch(/npm (ci|install)(?! --ignore-scripts)/);
  });

  it("runs no project code and installs nothing where the write token is", () => {
    for (const step of publishJob.steps) {
      expect(step.run ?? "").not.toMatch(/\bnpm\b|\bnode\b|\bnpx\b/);
      expect(step.uses ?? "").not.toMatch(/setup-node/);
    }
    // The token reaches git in the push step's environment only, passed per command, never stored.
    const commit = publishJob.steps.find(runs(/git commit/))!;
    expect(commit.env?.PUSH_TOKEN).toContain("github.token");
    expect(commit.run).not.toMatch(/git config [^\n]*(extraheader|credential|url\.)/);
    expect(commit.run).toMatch(/git -c http\.extraheader="\$auth" push --force origin "\$BRANCH"/);
  });

  it("pins every action by the full commit of a release, with the tag beside it", () => {
    const lines = text.split("\n").filter((l) => /^\s*(- )?uses:/.test(l));
    expect(lines.length).toBe(allSteps.filter((s) => s.uses !== undefined).length);
    for (const line of lines) expect(line).toMatch(/uses: actions\/[a-z-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    const actions = new Set(allSteps.flatMap((s) => (s.uses === undefined ? [] : [s.uses.split("@")[0]])));
    expect([...actions].sort()).toEqual(["actions/checkout", "actions/download-artifact", "actions/setup-node", "actions/upload-artifact"]);
  });

  it("installs, then scrapes and regenerates, then hands the patch on; publish applies it, commits, then opens the pull request", () => {
    const scrape = scrapeJob.steps;
    inOrder([
      indexIn(scrape, uses("actions/checkout")),
      indexIn(scrape, uses("actions/setup-node")),
      indexIn(scrape, runs(/^npm ci --ignore-scripts$/m)),
      indexIn(scrape, runs(/^cp -R spec "\$RUNNER_TEMP\/spec-before"$/m)),
      indexIn(scrape, runs(/^npm run scrape && npm run generate$/m)),
      indexIn(scrape, runs(/git diff --cached --binary > "\$RUNNER_TEMP\/drift\/changes\.patch"/)),
      indexIn(scrape, runs(/pco-codegen\.js diff .* --format markdown/)),
      indexIn(scrape, uses("actions/upload-artifact")),
    ]);
    const publish = publishJob.steps;
    inOrder([
      indexIn(publish, uses("actions/download-artifact")),
      indexIn(publish, runs(/git apply "\$RUNNER_TEMP\/drift\/changes\.patch"/)),
      indexIn(publish, runs(/git commit/)),
      indexIn(publish, runs(/gh pr create/)),
    ]);
    const upload = scrape.find(uses("actions/upload-artifact"))!;
    const download = publish.find(uses("actions/download-artifact"))!;
    expect(download.with?.name).toBe(upload.with?.name);
    expect(download.with?.path).toBe(upload.with?.path);
    expect(scrapeJob.outputs?.changed).toBe("${{ steps.changes.outputs.changed }}");
  });

  it("lets a failed scrape (unreachable docs) stop the run before any branch or pull request is touched", () => {
    const scrape = indexIn(scrapeJob.steps, runs(/npm run scrape/));
    for (const step of [...scrapeJob.steps.slice(scrape), ...publishJob.steps]) {
      expect(step["continue-on-error"]).toBeUndefined();
      expect(step.if ?? "").not.toMatch(/always\(\)|failure\(\)/);
    }
    expect(publishJob.if ?? "").not.toMatch(/always\(\)|failure\(\)/);
    expect(scrapeJob.steps[scrape]!.run).not.toMatch(/\|\||; *true/);
  });

  it("commits spec/ and generated/ separately on one fixed branch, and updates the one pull request there", () => {
    expect(workflow.env.BRANCH).toMatch(/^[\w./-]+$/);
    const commit = publishJob.steps.find(runs(/git commit/))!.run!;
    const lines = commit.split("\n").map((l) => l.trim());
    const at = (pattern: RegExp) => lines.findIndex((l) => pattern.test(l));
    expect(at(/^git switch --force-create "\$BRANCH"$/)).toBeGreaterThanOrEqual(0);
    expect(at(/^git add -A spec$/)).toBeLessThan(at(/git commit -m "spec: /));
    expect(at(/git commit -m "spec: /)).toBeLessThan(at(/^git add -A generated$/));
    expect(at(/^git add -A generated$/)).toBeLessThan(at(/git commit -m "generated: /));
    const pr = publishJob.steps.find(runs(/gh pr create/))!;
    expect(pr.run).toMatch(/gh pr list --head "\$BRANCH" --state open/);
    expect(pr.run).toMatch(/gh pr edit "\$number" --body-file "\$RUNNER_TEMP\/drift\/pr-body\.md"/);
    expect(pr.run).toMatch(/gh pr create --head "\$BRANCH" .*--body-file "\$RUNNER_TEMP\/drift\/pr-body\.md"/);
    expect(pr.env?.GH_TOKEN).toContain("github.token");
    expect(pr.env?.GH_REPO).toBe("${{ github.repository }}");
  });

  it("has shell steps that bash can parse", () => {
    for (const step of allSteps.filter((s) => s.run !== undefined)) {
      const script = step.run!.replace(/\$\{\{[^}]*\}\}/g, "x");
      expect(() => execFileSync("bash", ["-n"], { input: script, stdio: ["pipe", "pipe", "pipe"] }), step.name ?? step.run).not.toThrow();
    }
  });

  it("writes the changelog with options the CLI accepts", async () => {
    const line = scrapeJob.steps
      .find(runs(/pco-codegen\.js diff/))!
      .run!.split("\n")
      .find((l) => l.includes("pco-codegen.js diff"))!;
    const args = line
      .replace(/^.*pco-codegen\.js /, "")
      .replace(/\s*>.*$/, "")
      .split(/\s+/);
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
