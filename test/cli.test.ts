import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DOCS_DIR, describeCorpus, REPO_ROOT } from "./helpers/corpus.js";
import { runCli } from "./helpers/cli.js";
import { runCliProcess } from "./helpers/cli-process.js";
import { scratchFolder } from "./helpers/scratch.js";
import { plainGenerateArgs } from "../generator/commands/plain-generate.js";

const scratch = scratchFolder("pco-cli-");

describe("the command line", () => {
  it("prints its version with --version, as package.json says it, and exits 0", async () => {
    const run = await runCliProcess(["--version"], { cwd: REPO_ROOT });
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${manifest.version}\n`);
  });

  it("exits 2 with a one-line usage error for an unknown option", async () => {
    const run = await runCli(["scrape", "--frmo", "x"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: Unknown argument: frmo/);
  });

  it("exits 2 for a source of an unknown kind", async () => {
    const run = await runCli(["scrape", "--from", "nonsense:/x", "--out", "/tmp/never"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'error: --from "nonsense:/x" is not <kind>:<folder|file|url>, with kind one of portal, slate, portal-page, openapi',
    );
  });

  it.each([
    [
      "portal:http://ada:s3cret@127.0.0.1:9/",
      'error: --from "portal:http://***@127.0.0.1:9/": a URL with a user name or password is refused; the documentation needs no credentials',
    ],
    [
      "openapi:https://:s3cret@example.com",
      'error: --from "openapi:https://***@example.com": a URL with a user name or password is refused; the documentation needs no credentials',
    ],
    [
      "nonsense:https://ada:s3cret@example.com",
      'error: --from "nonsense:https://***@example.com" is not <kind>:<folder|file|url>, with kind one of portal, slate, portal-page, openapi',
    ],
    ["slate:ftp://example.com/docs", 'error: --from "slate:ftp://example.com/docs": only http and https URLs are read, not ftp'],
    ["portal:http://", 'error: --from "portal:http://" is not a URL'],
  ])("exits 2 for the source %s before any request, and never repeats a password", async (source, message) => {
    const folder = scratch.folder("url");
    const config = path.join(folder, "sources.json");
    writeFileSync(config, JSON.stringify({ from: [source], out: "spec" }));
    for (const args of [
      ["--from", source, "--out", path.join(folder, "spec")],
      ["--config", config],
    ]) {
      const run = await runCli(["scrape", ...args]);
      expect(run.code, args[0]).toBe(2);
      expect(run.stderr, args[0]).toBe(message);
      expect(run.stdout + run.stderr, args[0]).not.toContain("s3cret");
    }
    expect(readdirSync(folder)).toEqual(["sources.json"]);
  });

  it.each([",", " , "])("exits 2 for --versions %j, which names no version, before reading anything", async (versions) => {
    const run = await runCli(["scrape", "--from", "portal:/nonexistent", "--versions", versions, "--out", "/tmp/never"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: --versions ${JSON.stringify(versions)} names no version: give latest, all, or a comma-separated list`);
  });

  it("exits 2 when a portal folder holds no documentation", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "pco-empty-"));
    try {
      const run = await runCli(["scrape", "--from", `portal:${empty}`, "--out", path.join(empty, "out")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error: no documentation found in /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("exits 2 when there are no specs to generate from", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "pco-nospec-"));
    try {
      const run = await runCli(["generate", "--spec", empty, "--out", path.join(empty, "generated")]);
      expect(run.code).toBe(2);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it.each([
    [{ from: [] }, '"from" must be a list of one or more sources such as "portal:<folder>"'],
    [{ from: ["portal:docs"], ouy: "elsewhere" }, '"ouy" is not a key of a sources file (from, out, prune, versions, app, apiHost)'],
  ])(
    "exits 2 for the sources file %j before reading anything: it would have scraped the live docs or ignored a key",
    async (contents, why) => {
      const folder = scratch.folder("config");
      const config = path.join(folder, "sources.json");
      writeFileSync(config, JSON.stringify(contents));
      const run = await runCli(["scrape", "--config", config, "--out", path.join(folder, "spec")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`error: ${config}: ${why}`);
      expect(readdirSync(folder)).toEqual(["sources.json"]);
    },
  );

  it("exits 2 for a sources file that is not JSON, naming its line and column", async () => {
    const folder = scratch.folder("config");
    const config = path.join(folder, "sources.json");
    writeFileSync(config, '{\n  "from": ["portal:docs"],\n  "out": "spec",\n}\n');
    const run = await runCli(["scrape", "--config", config]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${config}:4:1: the sources file is not JSON: Expected double-quoted property name`);
    expect(readdirSync(folder)).toEqual(["sources.json"]);
  });

  it("lets a flag given on the command line win over the sources file", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "pco-config-"));
    try {
      const config = path.join(folder, "sources.json");
      const site = path.join(REPO_ROOT, "test/fixtures/slate/site/source");
      writeFileSync(config, JSON.stringify({ from: [`slate:${site}`], out: "from-config" }));
      const flagged = path.join(folder, "from-flag");
      const run = await runCli(["scrape", "--config", config, "--out", flagged]);
      expect(run.code).toBe(0);
      expect(readdirSync(flagged)).toContain("spec.schema.json");
      expect(existsSync(path.join(folder, "from-config"))).toBe(false);

      // Without the flag, the file's "out" (relative to the file) is where the specs go.
      const cwd = process.cwd();
      process.chdir(folder);
      try {
        expect((await runCli(["scrape", "--config", config])).code).toBe(0);
      } finally {
        process.chdir(cwd);
      }
      expect(readdirSync(path.join(folder, "from-config"))).toContain("spec.schema.json");
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describeCorpus("scrape --prune", () => {
  it("removes the scraped app's superseded spec, and no other file beside it", async () => {
    const out = scratch.folder("prune");
    mkdirSync(path.join(out, "webhooks"));
    for (const file of ["2018-08-01.json", "notes.json", "2018-08-01.backup.json"]) writeFileSync(path.join(out, "webhooks", file), "{}");
    const capture = path.join(DOCS_DIR, "portal/captured-2025-07");
    const run = await runCli(["scrape", "--from", `portal:${capture}`, "--app", "webhooks", "--out", out, "--prune"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^1 spec in .*: 1 new, 0 changed, 1 removed; spec\.schema\.json written$/m);
    expect(readdirSync(path.join(out, "webhooks")).sort()).toEqual(["2018-08-01.backup.json", "2022-10-20.json", "notes.json"]);
  });
});

describe("a spec folder that holds no spec", () => {
  it.each([
    ["generate", "--spec", "{spec}", "--out", "{out}"],
    ["check", "--spec", "{spec}", "--out", "{out}"],
    ["mock", "--spec", "{spec}", "--port", "0"],
  ])("%s: exits 2, naming the folder, whether it is empty or missing", async (...args) => {
    const folder = mkdtempSync(path.join(tmpdir(), "pco-no-specs-"));
    try {
      mkdirSync(path.join(folder, "empty"));
      for (const spec of ["empty", "missing"]) {
        const out = path.join(folder, "out");
        const run = await runCli(args.map((arg) => arg.replace("{spec}", path.join(folder, spec)).replace("{out}", out)));
        expect(run.code, spec).toBe(2);
        expect(run.stderr, spec).toMatch(new RegExp(`^no specs in .*${spec}; run pco-codegen scrape first$`));
        expect(existsSync(out), spec).toBe(false);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("numbers given as flags", () => {
  // A dead port: a command that read --retries abc as NaN retried it without end.
  const dead = "portal:http://127.0.0.1:1";
  it.each([
    [
      ["scrape", "--from", dead, "--app", "people", "--out", "{out}", "--retries", "abc"],
      "--retries takes a whole number from 0 to 10; what was given is not a number",
    ],
    [
      ["scrape", "--from", dead, "--app", "people", "--out", "{out}", "--retries", "1e9"],
      "--retries takes a whole number from 0 to 10, not 1000000000",
    ],
    [
      ["scrape", "--from", dead, "--app", "people", "--out", "{out}", "--retries", "2.5"],
      "--retries takes a whole number from 0 to 10, not 2.5",
    ],
    [
      ["scrape", "--from", dead, "--app", "people", "--out", "{out}", "--timeout", "-5"],
      "--timeout takes seconds, more than 0 and at most 600, not -5",
    ],
    [["diff", dead, dead, "--timeout", "abc"], "--timeout takes seconds, more than 0 and at most 600; what was given is not a number"],
    [["drift", "--from", dead, "--retries", "11"], "--retries takes a whole number from 0 to 10, not 11"],
    [["mock", "--port", "abc"], "--port takes a whole number from 0 to 65535; what was given is not a number"],
  ])("%j exits 2 at once, saying what the flag takes", async (args, message) => {
    const folder = scratch.folder("flags");
    const run = await runCli(args.map((arg) => arg.replace("{out}", path.join(folder, "out"))));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${message}`);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe("an output folder that cannot be one", () => {
  it.each(["generate", "check"])(
    "%s: --out naming the spec folder, or a link to it, exits 2 and leaves the specs as they were",
    async (command) => {
      const folder = scratch.folder("out-is-spec");
      const specs = path.join(folder, "spec");
      mkdirSync(specs);
      cpSync(path.join(REPO_ROOT, "spec", "webhooks"), path.join(specs, "webhooks"), { recursive: true });
      symlinkSync(specs, path.join(folder, "link"));
      const before = readdirSync(specs, { recursive: true }).sort();
      for (const out of [specs, `${specs}/`, path.join(folder, "link")]) {
        const run = await runCli([command, "--spec", specs, "--out", out]);
        expect(run.code, out).toBe(2);
        expect(run.stderr, out).toMatch(
          /^error: --out \S+ is the spec folder \(--spec\): the output's openapi\/<app>-<version>\.json would be read as specs; name another folder$/,
        );
      }
      expect(readdirSync(specs, { recursive: true }).sort()).toEqual(before);
    },
  );

  it("check: an --out that is a file exits 2, rather than call every file missing", async () => {
    const folder = scratch.folder("out-is-file");
    const file = path.join(folder, "generated");
    writeFileSync(file, "");
    const run = await runCli(["check", "--spec", path.join(REPO_ROOT, "spec"), "--out", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot check \S+generated: it is not a folder$/);
  });
});

describe("options given twice", () => {
  it.each([
    ["generate", "--out", "a", "--out", "b"],
    ["scrape", "--from", "portal:x", "--out", "a", "--out", "b"],
  ])("exits 2 with a usage error for %s with --out twice", async (...args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("error: --out is given more than once\nRun pco-codegen --help for usage.");
  });
});

describe("empty values", () => {
  it.each([
    [["generate", "--out", ""], "--out"],
    [["generate", "--spec="], "--spec"],
    [["check", "--out", ""], "--out"],
    [["mock", "--spec", ""], "--spec"],
    [["scrape", "--from", "portal:x", "--config", ""], "--config"],
    [["scrape", "--from", "portal:x", "--app", "people", "--app", ""], "--app"],
    [["diff", "", "spec"], "<before>"],
  ])("%j exits 2 naming the flag or operand: an empty path would be the working folder, or no file", async (args, named) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${named} is given an empty value\nRun pco-codegen --help for usage.`);
  });
});

describe("options given no value", () => {
  it.each([
    [["generate", "--spec", "{empty}", "--out"], "--out"],
    [["generate", "--out", "--spec", "{empty}"], "--out"],
    [["check", "--spec", "{empty}", "--out", "--", "x"], "--out"],
    [["scrape", "--out", "{empty}", "--from"], "--from"],
    [["scrape", "--from", "--out", "{empty}"], "--from"],
    [["drift", "--spec", "{empty}", "--from"], "--from"],
    [["diff", "{empty}", "{empty}", "--format"], "--format"],
    [["diff", "{empty}", "{empty}", "--app"], "--app"],
    [["mock", "--spec", "{empty}", "--port"], "--port"],
    [["scrape", "--out", "{empty}", "--from", "portal:x", "--retries"], "--retries"],
  ])("%j exits 2 naming the flag, rather than take its default", async (args, named) => {
    // yargs gave such a flag its default: `generate --out` wrote into generated/, `scrape --from` read the live docs.
    const empty = scratch.folder("no-value");
    const run = await runCli(args.map((arg) => (arg === "{empty}" ? empty : arg)));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${named} is given no value\nRun pco-codegen --help for usage.`);
    expect(readdirSync(empty)).toEqual([]);
  });
});

describe("a plain generate, run without the command line parser", () => {
  it("takes only `generate` with --spec, --out and --verbose, each at most once", () => {
    expect(plainGenerateArgs(["generate"])).toEqual({ spec: "spec", out: "generated" });
    expect(plainGenerateArgs(["generate", "--spec=s", "--out", "o", "--verbose"])).toEqual({ spec: "s", out: "o" });
    for (const argv of [
      ["generate", "--force"],
      ["generate", "--no-force"],
      ["generate", "--out", "a", "--out", "b"],
      ["generate", "--out", ""],
      ["generate", "--help"],
      ["check"],
      ["generate", "extra"],
      [],
    ]) {
      expect(plainGenerateArgs(argv), argv.join(" ")).toBeUndefined();
    }
  });

  /** Runs `test` with a spec folder holding the webhooks spec, in a temporary folder with a cache of its own. */
  async function withWebhooksSpec(test: (folder: string, spec: string) => Promise<void>): Promise<void> {
    const folder = mkdtempSync(path.join(tmpdir(), "pco-plain-"));
    const previousCache = process.env.PCO_CODEGEN_CACHE;
    process.env.PCO_CODEGEN_CACHE = path.join(folder, "cache");
    try {
      const spec = path.join(folder, "spec");
      mkdirSync(path.join(spec, "webhooks"), { recursive: true });
      copyFileSync(path.join(REPO_ROOT, "spec/webhooks/2022-10-20.json"), path.join(spec, "webhooks/2022-10-20.json"));
      await test(folder, spec);
    } finally {
      if (previousCache === undefined) delete process.env.PCO_CODEGEN_CACHE;
      else process.env.PCO_CODEGEN_CACHE = previousCache;
      rmSync(folder, { recursive: true, force: true });
    }
  }

  it("answers a generate with nothing to do as the full command answers it", async () => {
    await withWebhooksSpec(async (folder, spec) => {
      const out = path.join(folder, "generated");
      const first = await runCli(["generate", "--spec", spec, "--out", out]);
      expect(first.code).toBe(0);
      expect(first.stderr).toMatch(/ new, 0 changed, 0 removed$/);
      const plain = await runCli(["generate", "--spec", spec, "--out", out]);
      // --no-force is a form only the full command line parser takes.
      const parsed = await runCli(["generate", "--spec", spec, "--out", out, "--no-force"]);
      expect(plain.code).toBe(0);
      expect(plain.stderr).toMatch(/, unchanged$/);
      expect(parsed).toEqual(plain);
    });
  });

  it("renders a changed spec as the full command renders it", async () => {
    await withWebhooksSpec(async (folder, spec) => {
      const outs = ["plain", "parsed"].map((name) => path.join(folder, name));
      for (const out of outs) expect((await runCli(["generate", "--spec", spec, "--out", out])).code).toBe(0);
      const file = path.join(spec, "webhooks/2022-10-20.json");
      writeFileSync(file, readFileSync(file, "utf8").replace(/"title": "([^"]*)"/, '"title": "$1 (edited)"'));
      const plain = await runCli(["generate", "--spec", spec, "--out", outs[0]!]);
      const parsed = await runCli(["generate", "--spec", spec, "--out", outs[1]!, "--no-force"]);
      expect(plain.code).toBe(0);
      expect(plain.stderr).toMatch(/: 0 new, [1-9]\d* changed, 0 removed$/);
      expect({ ...parsed, stderr: parsed.stderr.replaceAll(outs[1]!, outs[0]!) }).toEqual(plain);
      expect(readFileSync(path.join(outs[0]!, "openapi/webhooks-2022-10-20.json"), "utf8")).toContain("(edited)");
    });
  });
});
