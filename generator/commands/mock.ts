/**
 * `pco-codegen mock`: a mock Planning Center API on 127.0.0.1, serving every
 * endpoint of the specs from their fixtures until SIGINT or SIGTERM. The URL
 * goes to stdout (one line, for scripts); the rest to stderr.
 */
import type { Argv } from "yargs";
import { GeneratorError, hasErrors } from "../diagnostics.js";
import { parseAuth } from "../mock/auth.js";
import { parseRateLimit } from "../mock/rate-limit.js";
import { startMockServer, type MockServer } from "../mock/server.js";
import { loadSpecs } from "../spec/load.js";
import { EXIT, noSpecsIn, type Command } from "./command.js";
import { wholeNumberIn } from "./flag-numbers.js";
import { printDiagnostics, type Output } from "./output.js";

export interface MockArgs {
  spec: string;
  port: number;
  rateLimit?: string;
  auth?: string;
}

export const mockCommand: Command<MockArgs> = {
  command: "mock",
  describe: "Serve the specs' endpoints from their fixtures on 127.0.0.1 until interrupted",
  builder: (yargs: Argv) =>
    yargs
      .option("spec", { type: "string", default: "spec", describe: "Folder of specs to serve" })
      .option("port", { type: "number", default: 4010, describe: "Port on 127.0.0.1 (0 picks a free one)" })
      .option("rate-limit", { type: "string", describe: "Refuse more than <n> requests per <s> seconds with 429, e.g. 100/20s" })
      .option("auth", {
        type: "string",
        describe: "Require HTTP Basic <appId>:<secret> (or the secret as a Bearer token)",
      }) as unknown as Argv<MockArgs>,
  run: (args, output) => runMock(args, output, nextSignal),
};

/**
 * Serves until the promise `until` returns settles, then closes the server.
 * It is asked for before the URL is printed: a signal sent the moment the URL
 * appears (a test that got what it waited for) still stops the server cleanly.
 */
export async function runMock(args: MockArgs, output: Output, until: () => Promise<unknown>): Promise<number> {
  const rateLimit = args.rateLimit === undefined ? undefined : parseRateLimit(args.rateLimit);
  if (args.rateLimit !== undefined && rateLimit === undefined) {
    throw new GeneratorError(`--rate-limit ${JSON.stringify(args.rateLimit)} is not <requests>/<seconds>, such as 100/20s`);
  }
  const auth = args.auth === undefined ? undefined : parseAuth(args.auth);
  if (args.auth !== undefined && auth === undefined) throw new GeneratorError("--auth must be <appId>:<secret>");
  wholeNumberIn("port", args.port, 0, 65_535);

  const loaded = await loadSpecs(args.spec);
  printDiagnostics(output, loaded.diagnostics);
  if (hasErrors(loaded.diagnostics)) return EXIT.problems;
  if (loaded.value.length === 0) {
    return noSpecsIn(args.spec, output);
  }

  let server: MockServer;
  try {
    server = await startMockServer({ specs: loaded.value, port: args.port, ...(rateLimit && { rateLimit }), ...(auth && { auth }) });
  } catch (error) {
    throw new GeneratorError(`cannot listen on 127.0.0.1:${args.port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      cause: error,
    });
  }
  const stopped = until();
  const served = loaded.value.map((s) => `${s.app} ${s.version}`).join(", ");
  output.err(
    `serving ${served}${rateLimit ? `; ${rateLimit.limit} requests per ${rateLimit.periodSeconds} s` : ""}${auth ? "; credentials required" : ""}`,
  );
  output.out(server.url);
  await stopped;
  await server.close();
  output.err("mock server stopped");
  return EXIT.ok;
}

/** Settles on the first SIGINT or SIGTERM, then lets later ones act as usual. */
function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
