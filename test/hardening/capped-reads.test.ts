/**
 * A file that a user, a mirror or a checkout put in place may be anything
 * under the expected name. It is read only where it is a regular file within
 * its cap: a FIFO (a read of one waits for ever for a writer), a device, or a
 * file far larger than any document is refused at once, in one line naming
 * it, and nothing is written. Large files here are sparse
 * (`test/helpers/scratch.ts`): a refusal must not read them.
 */
import { cpSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_SPEC_BYTES } from "../../generator/spec/load.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../../generator/sources/portal/http-store.js";
import { MAX_DOCUMENT_BYTES } from "../../generator/sources/openapi/reader.js";
import { NotRegularFile, readCappedText, readFailure, RefusedFile } from "../../generator/util/read-capped.js";
import { runCli } from "../helpers/cli.js";
import { describeCorpus, DOCS_DIR } from "../helpers/corpus.js";
import { cpuMs } from "../helpers/cpu-time.js";
import { fifo, scratchFolder, sparseFile } from "../helpers/scratch.js";
import { runCliProcess } from "../helpers/cli-process.js";

const { work, folder } = scratchFolder("pco-capped-reads-");

describe("readCappedText", () => {
  it("reads a regular file's text, up to exactly its cap", () => {
    const file = path.join(folder("text"), "page.md");
    writeFileSync(file, "café ✓\n");
    const bytes = Buffer.byteLength("café ✓\n");
    expect(readCappedText(file, bytes)).toBe("café ✓\n");
    expect(() => readCappedText(file, bytes - 1)).toThrow(new RefusedFile(`larger than ${bytes - 1} bytes, the most this file may hold`));
  });

  it("refuses a file of a terabyte by its size, without reading it", () => {
    const file = sparseFile(path.join(folder("sparse"), "spec.json"), 2 ** 40);
    let error: unknown;
    const ms = cpuMs(() => {
      try {
        readCappedText(file, 1024);
      } catch (caught) {
        error = caught;
      }
    });
    expect(readFailure(error)).toBe("larger than 1024 bytes, the most this file may hold");
    expect(ms).toBeLessThan(1000);
  });

  it("reads a file that says it is empty while it holds text, and holds it to the cap as it grows", () => {
    // /proc files are regular files of size 0 whose text is made as they are read.
    expect(readCappedText("/proc/self/status", 1 << 20)).toMatch(/^Name:\t/);
    expect(() => readCappedText("/proc/self/status", 16)).toThrow(RefusedFile);
  });

  it("refuses a device as not a regular file", () => {
    expect(() => readCappedText("/dev/zero", 1 << 20)).toThrow(new NotRegularFile());
  });

  it("says why a file could not be read in a few words", () => {
    expect(readFailure(new NotRegularFile())).toBe("not a regular file");
    let missing: unknown;
    try {
      readCappedText(path.join(work, "absent.json"), 10);
    } catch (error) {
      missing = error;
    }
    expect(readFailure(missing)).toBe("ENOENT");
  });
});

describe("the commands, on files over their caps", () => {
  it("generate: a spec file over the cap is an error naming it, and nothing is written", async () => {
    const specs = folder("specs");
    sparseFile(path.join(specs, "people", "2025-03-20.json"), MAX_SPEC_BYTES + 1);
    const out = path.join(folder("generated"), "out");

    const run = await runCli(["generate", "--spec", specs, "--out", out]);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `2025-03-20.json: error SPEC_UNREADABLE: cannot read the spec: larger than ${MAX_SPEC_BYTES} bytes, the most this file may hold`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("scrape --from openapi: a document file over the cap is refused in one line, exit 2", async () => {
    const file = sparseFile(path.join(folder("openapi"), "people.json"), MAX_DOCUMENT_BYTES + 1);
    const out = path.join(folder("openapi-out"), "spec");

    const run = await runCli(["scrape", "--from", `openapi:${file}`, "--out", out]);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`cannot read .*people\\.json: larger than ${MAX_DOCUMENT_BYTES} bytes`));
    expect(existsSync(out)).toBe(false);
  });

  it("scrape --config: a sources file over the cap is refused in one line, exit 2", async () => {
    const config = sparseFile(path.join(folder("config"), "sources.json"), 2 * 1024 * 1024);

    const run = await runCli(["scrape", "--config", config, "--out", path.join(work, "never")]);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot read the sources file .*sources\.json: larger than 1048576 bytes/m);
    expect(existsSync(path.join(work, "never"))).toBe(false);
  });
});

// As processes: a read that blocked on a FIFO would hang this test's own thread, past any timeout.
describeCorpus("the commands, on files that are not regular files", () => {
  it("scrape --from portal: a mirror document that is a FIFO is refused at once, exit 2, nothing written", async () => {
    const mirror = folder("mirror");
    cpSync(path.join(DOCS_DIR, "portal", "captured-2022-12", "webhooks"), path.join(mirror, "webhooks"), { recursive: true });
    const graph = path.join(mirror, "webhooks", "v2", "documentation.json");
    fifo(graph);
    const out = path.join(folder("mirror-out"), "spec");

    const run = await runCliProcess(["scrape", "--from", `portal:${mirror}`, "--out", out], { cwd: work, deadlineMs: 50_000 });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read .*webhooks\/v2\/documentation\.json: not a regular file/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("scrape --from slate: an include that is a FIFO is refused at once, exit 2, nothing written", async () => {
    const source = folder("slate");
    cpSync(path.join(DOCS_DIR, "slate", "2018-03-15", "source"), source, { recursive: true });
    const include = path.join(source, "includes", "_people.md");
    fifo(include);
    const out = path.join(folder("slate-out"), "spec");

    const run = await runCliProcess(["scrape", "--from", `slate:${source}`, "--out", out], { cwd: work, deadlineMs: 50_000 });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot read .*includes\/_people\.md: not a regular file/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("scrape --from openapi: a FIFO named as the document is refused at once, exit 2, nothing written", async () => {
    const document = fifo(path.join(folder("openapi-fifo"), "people.json"));
    const out = path.join(folder("openapi-fifo-out"), "spec");

    const run = await runCliProcess(["scrape", "--from", `openapi:${document}`, "--out", out], { cwd: work, deadlineMs: 50_000 });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: cannot read .*people\.json: not a file or a folder$/m);
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it("scrape --from portal: a mirror document over the cap of a response is refused as one over the wire is", async () => {
    const mirror = folder("big-mirror");
    cpSync(path.join(DOCS_DIR, "portal", "captured-2022-12", "webhooks"), path.join(mirror, "webhooks"), { recursive: true });
    const vertex = path.join(mirror, "webhooks", "v2", "documentation", "2018-08-01", "vertices", "event.json");
    sparseFile(vertex, DEFAULT_MAX_RESPONSE_BYTES + 1);
    const out = path.join(folder("big-mirror-out"), "spec");

    const run = await runCli(["scrape", "--from", `portal:${mirror}`, "--out", out]);

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`cannot read .*vertices/event\\.json: larger than ${DEFAULT_MAX_RESPONSE_BYTES} bytes`));
    expect(existsSync(out)).toBe(false);
  });
});
