/**
 * The files the build prebuilds into `dist/` (the clients' runtime, the
 * client's templates compiled, the spec's validators) are read as the
 * generator's own files: only a regular file within its cap. Anything else
 * under such a name is a miss, and what it would have held is rendered or
 * compiled instead. The readers run in a child process: a read that blocked
 * on a FIFO would hang this test's own thread, past any timeout.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundleModule } from "../helpers/bundle.js";
import { runModuleProcess } from "../helpers/cli-process.js";
import { fifo, scratchFolder } from "../helpers/scratch.js";

const { work, folder } = scratchFolder("pco-prebuilt-files-");

/** Reads `argv[2]` as each prebuilt file, and prints what each reader made of it. */
const READERS = `
import { prebuiltRuntime } from "./generator/render/client/prebuilt-runtime.ts";
import { prebuiltTemplates } from "./generator/render/client/prebuilt-templates.ts";
import { templateSources } from "./generator/render/client/templates.ts";
import { cachedValidator } from "./generator/util/cached-validator.ts";
const file = process.argv[2];
const validate = cachedValidator({ type: "string" }, {}, file);
console.log(JSON.stringify({
  runtime: (await prebuiltRuntime(file)) === undefined ? "missed" : "read",
  templates: prebuiltTemplates(await templateSources(), file) === undefined ? "missed" : "read",
  validator: validate("text") && !validate(1) ? "works" : "wrong",
}));
`;

describe("the build's prebuilt files", () => {
  it("are each a miss where the file is a FIFO: the runtime and templates are rendered, the validator compiled", async () => {
    const readers = await bundleModule("prebuilt-readers.mjs", READERS);
    const pipe = fifo(path.join(folder("dist"), "prebuilt.json"));

    const run = await runModuleProcess(readers, [pipe], {
      cwd: work,
      env: { ...process.env, PCO_CODEGEN_CACHE: folder("cache") },
      deadlineMs: 50_000,
    });

    expect(run.signal).toBeNull();
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ runtime: "missed", templates: "missed", validator: "works" });
  }, 60_000);
});
