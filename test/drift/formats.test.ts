/**
 * The three changelog formats over one sample (golden files, whole), the JSON
 * format against its published schema, and colours: on a terminal only.
 */
import { stripVTControlCharacters } from "node:util";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { buildChangelog, fails } from "../../generator/changelog/changelog.js";
import { CHANGELOG_SCHEMA } from "../../generator/changelog/json-schema.js";
import { inlineCode } from "../../generator/changelog/markdown.js";
import { renderChangelog } from "../../generator/changelog/render.js";
import { wantsColour } from "../../generator/commands/diff.js";
import type { Output } from "../../generator/commands/output.js";
import { diffSpecSets } from "../../generator/diff/diff.js";
import { sampleAfter, sampleBefore } from "./sample.js";

const changelog = (includeDocs: boolean) =>
  buildChangelog(diffSpecSets(sampleBefore, sampleAfter), { from: "spec-a", to: "spec-b", includeDocs });

describe("the changelog formats", () => {
  it("text", async () => {
    await expect(await renderChangelog(changelog(true), "text", { colour: false })).toMatchFileSnapshot("golden/changelog.txt");
  });

  it("markdown, a pull-request body", async () => {
    await expect(await renderChangelog(changelog(true), "markdown", { colour: false })).toMatchFileSnapshot("golden/changelog.md");
  });

  it("markdown without docs-only changes says how many were left out", async () => {
    await expect(await renderChangelog(changelog(false), "markdown", { colour: false })).toMatchFileSnapshot("golden/changelog-no-docs.md");
  });

  it("JSON, following the documented schema", async () => {
    const text = await renderChangelog(changelog(true), "json", { colour: true });
    await expect(text).toMatchFileSnapshot("golden/changelog.json");
    const validate = new Ajv({ strict: true, allErrors: true }).compile(CHANGELOG_SCHEMA);
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it("colours the text format when asked, and only changes its colours", async () => {
    const plain = await renderChangelog(changelog(true), "text", { colour: false });
    const coloured = await renderChangelog(changelog(true), "text", { colour: true });
    expect(coloured).not.toBe(plain);
    expect(stripVTControlCharacters(coloured)).toBe(plain);
    const breaking = coloured.split("\n").find((line) => stripVTControlCharacters(line).includes("! resource AnniversaryCouples removed"))!;
    expect(breaking).toContain("\u001b[31m"); // red
    const additive = coloured.split("\n").find((line) => stripVTControlCharacters(line).includes("+ resource BackgroundCheck added"))!;
    expect(additive).toContain("\u001b[32m"); // green
  });

  it("counts docs-only changes toward --fail-on any only when they are listed", () => {
    const docsOnly = buildChangelog(diffSpecSets([sampleBefore[1]!], [{ ...sampleBefore[1]!, title: "Webhooks" }]), {
      from: "a",
      to: "b",
      includeDocs: false,
    });
    expect(docsOnly.docsHidden).toBe(1);
    expect(fails(docsOnly, "any")).toBe(false);
    const listed = buildChangelog(diffSpecSets([sampleBefore[1]!], [{ ...sampleBefore[1]!, title: "Webhooks" }]), {
      from: "a",
      to: "b",
      includeDocs: true,
    });
    expect(fails(listed, "any")).toBe(true);
    expect(fails(listed, "breaking")).toBe(false);
  });
});

describe("colours", () => {
  const output = (isTTY: boolean): Output => ({ out: () => {}, err: () => {}, isTTY, verbose: false });
  it.each([
    ["a terminal", { stderr: true, stdout: true, env: {} }, true],
    ["stdout redirected to a file", { stderr: true, stdout: false, env: {} }, false],
    ["no terminal at all", { stderr: false, stdout: false, env: {} }, false],
    ["NO_COLOR set", { stderr: true, stdout: true, env: { NO_COLOR: "1" } }, false],
  ] as const)("%s", (_name, { stderr, stdout, env }, want) => {
    expect(wantsColour(output(stderr), stdout, env)).toBe(want);
  });
});

describe("a name of many backtick runs", () => {
  it("is written as a code span whose fence is longer than its longest run, however many runs it has", () => {
    expect(inlineCode("a`b``c")).toBe("```a`b``c```");
    expect(inlineCode("`x")).toBe("`` `x ``");
    // 200,000 runs: spread into Math.max as arguments, they threw a RangeError.
    const name = `${"a`".repeat(200_000)}a`;
    expect(inlineCode(name)).toBe(`\`\`${name}\`\``);
  });
});
