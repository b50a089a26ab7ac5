/**
 * The committed example changelog, people 2022-07-14 → 2025-03-20, must be
 * what `npm run changelog:example` writes today.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { corpusPath, describeCorpus, REPO_ROOT } from "../helpers/corpus.js";

const EXAMPLE = path.join(REPO_ROOT, "generated", "changelog", "people-2022-07-14..2025-03-20.md");
/** How the npm script names the captures (the corpus at its default place). */
const SCRIPT_PORTAL = "../shared/docs/portal";

describeCorpus("the example changelog", () => {
  it("is up to date (else: npm run changelog:example)", async () => {
    const portal = corpusPath("portal");
    const run = await runCli([
      "diff",
      `portal:${portal}/captured-2022-12`,
      `portal:${portal}/captured-2025-07`,
      "--app",
      "people",
      "--format",
      "markdown",
      "--fail-on",
      "none",
    ]);
    expect(run.code).toBe(0);
    const written = `${run.stdout.split(`portal:${portal}/`).join(`portal:${SCRIPT_PORTAL}/`)}\n`;
    expect(written, "generated/changelog/people-2022-07-14..2025-03-20.md is stale: run npm run changelog:example").toBe(
      readFileSync(EXAMPLE, "utf8"),
    );
  });
});
