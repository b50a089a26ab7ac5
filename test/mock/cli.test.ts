/**
 * `pco-codegen mock`: prints its URL, serves until told to stop, and ends
 * cleanly on SIGINT and SIGTERM (checked on a real process); bad options are
 * usage errors.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runMock } from "../../generator/commands/mock.js";
import { runCli } from "../helpers/cli.js";
import { bundledCli } from "../helpers/cli-process.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { withProcess, type RunningProcess } from "../helpers/process.js";

const SPEC_DIR = path.join(REPO_ROOT, "spec");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), isTTY: false, verbose: false } };
}

describe("pco-codegen mock, in process", () => {
  it("prints its URL, serves the specs, and stops when told to", async () => {
    const { out, err, output } = capture();
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const running = runMock({ spec: SPEC_DIR, port: 0, rateLimit: "100/20s" }, output, () => stopped);
    await expect.poll(() => out.length).toBe(1);
    expect(out[0]).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
    const response = await fetch(`${out[0]}/people/v2/people?per_page=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-pco-api-request-rate-limit")).toBe("100");
    stop();
    expect(await running).toBe(0);
    expect(err[0]).toMatch(/^serving api .*webhooks 2022-10-20.*; 100 requests per 20 s$/);
    expect(err.at(-1)).toBe("mock server stopped");
    await expect(fetch(`${out[0]}/people/v2/people`)).rejects.toThrow();
  });

  it.each([
    [["--rate-limit", "lots"], 'error: --rate-limit "lots" is not <requests>/<seconds>, such as 100/20s'],
    [["--auth", "nocolon"], "error: --auth must be <appId>:<secret>"],
    [["--port", "70000"], "error: --port takes a whole number from 0 to 65535, not 70000"],
  ])("exits 2 for %j", async (options, message) => {
    const run = await runCli(["mock", "--spec", SPEC_DIR, ...options]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(message);
  });

  it("exits 2 when there are no specs, or the port is taken", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "pco-mock-"));
    const blocker = createServer();
    try {
      const none = await runCli(["mock", "--spec", empty]);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/^no specs in /);
      await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
      const port = (blocker.address() as { port: number }).port;
      const taken = await runCli(["mock", "--spec", SPEC_DIR, "--port", String(port)]);
      expect(taken.code).toBe(2);
      expect(taken.stderr).toBe(`error: cannot listen on 127.0.0.1:${port}: EADDRINUSE`);
    } finally {
      blocker.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("pco-codegen mock, as a process", () => {
  let bundle = "";
  beforeAll(async () => {
    bundle = await bundledCli();
  });

  const mock = <T>(body: (running: RunningProcess) => Promise<T>) =>
    withProcess(process.execPath, [bundle, "mock", "--spec", SPEC_DIR, "--port", "0"], { cwd: REPO_ROOT }, body);

  it.each(["SIGINT", "SIGTERM"] as const)("ends cleanly on %s", async (signal) => {
    await mock(async (running) => {
      // Waits for the URL however long the start takes on a busy machine; an exit before it fails at once.
      const stdout = await running.waitForStdout(/\n/);
      expect(stdout).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+\n$/);
      expect((await fetch(`${stdout.trim()}/webhooks/v2/available_events`)).status).toBe(200);
      running.child.kill(signal);
      expect((await running.exited).code).toBe(0);
      expect(running.stderr().trim().split("\n").at(-1)).toBe("mock server stopped");
    });
  });

  it("ends cleanly on a SIGTERM sent the moment its URL appears", async () => {
    await mock(async (running) => {
      running.child.stdout!.once("data", () => running.child.kill("SIGTERM"));
      expect((await running.exited).code).toBe(0);
      expect(running.stderr().trim().split("\n").at(-1)).toBe("mock server stopped");
    });
  });
});
