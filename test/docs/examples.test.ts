/**
 * Every example of the manual that claims to work does: the fenced `ts`
 * blocks of README.md, bench/README.md and docs/*.md compile, as one tsc
 * program under the project's own compiler options, and the `sh` blocks run
 * offline on the checkout and exit 0. A block says it is not meant to work on
 * its own with its info string: `ts fragment` (a piece of a program), `sh
 * no-run` (it needs the live API, the corpus or minutes, writes outside the
 * checkout, or is the setup this suite runs under: `npm ci` would remove the
 * node_modules the suite runs from). Relative links between the pages lead to
 * files that exist.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import remarkParse from "remark-parse";
import ts from "typescript";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { loadSpecs } from "../../generator/spec/load.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { withProcess } from "../helpers/process.js";

interface Block {
  page: string;
  line: number;
  lang: string;
  meta: string;
  text: string;
}

interface Link {
  page: string;
  line: number;
  url: string;
}

const PAGES = [
  "README.md",
  "bench/README.md",
  ...readdirSync(path.join(REPO_ROOT, "docs"))
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `docs/${name}`),
];

type MdNode = {
  type: string;
  lang?: string | null;
  meta?: string | null;
  value?: string;
  url?: string;
  position?: { start: { line: number } };
  children?: MdNode[];
};

function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

function readPage(page: string): { blocks: Block[]; links: Link[] } {
  const tree = unified()
    .use(remarkParse)
    .parse(readFileSync(path.join(REPO_ROOT, page), "utf8")) as MdNode;
  const blocks: Block[] = [];
  const links: Link[] = [];
  walk(tree, (node) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === "code") blocks.push({ page, line, lang: node.lang ?? "", meta: node.meta ?? "", text: node.value ?? "" });
    if (node.type === "link" && node.url !== undefined) links.push({ page, line, url: node.url });
  });
  return { blocks, links };
}

const read = PAGES.map(readPage);
const blocks = read.flatMap((r) => r.blocks);
const links = read.flatMap((r) => r.links);
const where = (block: Block) => `${block.page}:${block.line}`;

const TS = new Set(["ts", "typescript"]);
const SH = new Set(["sh", "bash", "shell"]);
const tsBlocks = blocks.filter((b) => TS.has(b.lang) && b.meta !== "fragment");
/** A command shown twice (the README repeats the manual's) runs once. */
const shBlocks = blocks.filter((b, i) => SH.has(b.lang) && b.meta !== "no-run" && blocks.findIndex((other) => other.text === b.text) === i);

/**
 * Pages of the manual written alongside this one, in other changes, that the
 * README already lists. A link to one of them may dangle until it lands;
 * every other link must lead somewhere.
 */
describe("the manual's examples", () => {
  it("say what they are: a ts or sh block is either checked or marked fragment / no-run", () => {
    const unknown = blocks.filter(
      (b) => (TS.has(b.lang) && !["", "fragment"].includes(b.meta)) || (SH.has(b.lang) && !["", "no-run"].includes(b.meta)),
    );
    expect(unknown.map((b) => `${where(b)}: ${b.lang} ${b.meta}`)).toEqual([]);
    // The README's front door: its two commands come first.
    const first = blocks.find((b) => b.page === "README.md")!;
    expect(first.text.split("\n").map((line) => line.split("#")[0]!.trim())).toEqual(["npm ci && npm run generate", "npm ci && npm test"]);
  });

  it("compile: every ts block, as one program with the project's compiler options", () => {
    expect(tsBlocks.length).toBeGreaterThan(0);
    const config = ts.readConfigFile(path.join(REPO_ROOT, "tsconfig.json"), ts.sys.readFile);
    const options = { ...ts.parseJsonConfigFileContent(config.config, ts.sys, REPO_ROOT).options, noEmit: true, incremental: false };
    // Each block is a module beside its page (so `../generator/...` and `pco-codegen/<app>` resolve as a reader's would), in memory only.
    const files = new Map(tsBlocks.map((b) => [path.join(REPO_ROOT, `${b.page}.${b.line}.example.ts`), b]));
    const host = ts.createCompilerHost(options);
    const { fileExists, readFile, getSourceFile } = host;
    host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
    host.readFile = (name) => files.get(name)?.text ?? readFile.call(host, name);
    host.getSourceFile = (name, language, onError, create) => {
      const block = files.get(name);
      return block ? ts.createSourceFile(name, block.text, language) : getSourceFile.call(host, name, language, onError, create);
    };
    const program = ts.createProgram([...files.keys()], options, host);
    const shown = ts.getPreEmitDiagnostics(program).map((d) => {
      const block = d.file ? files.get(d.file.fileName) : undefined;
      const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line : 0;
      const at = block
        ? `${block.page}:${block.line + 1 + line}`
        : d.file
          ? `${path.relative(REPO_ROOT, d.file.fileName)}:${line + 1}`
          : "";
      return `${at}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    });
    expect(shown).toEqual([]);
  });

  it("show every app of spec/ in docs/clients.md, one example importing each", async () => {
    const apps = new Set((await loadSpecs(path.join(REPO_ROOT, "spec"))).value.map((s) => s.app));
    const imported = new Set(
      tsBlocks
        .filter((b) => b.page === "docs/clients.md")
        .flatMap((b) => [...b.text.matchAll(/from "pco-codegen\/([\w-]+)"/g)].map((m) => m[1])),
    );
    expect([...apps].filter((app) => !imported.has(app))).toEqual([]);
  });

  it.each(shBlocks.map((b) => [where(b), b] as const))("run: the sh block at %s exits 0", async (_, block) => {
    const result = await withProcess(
      "bash",
      ["-e", "-o", "pipefail", "-c", block.text],
      { cwd: REPO_ROOT, env: { ...process.env, FORCE_COLOR: "0" } },
      async (running) => ({
        ...(await running.exited),
        stderr: running.stderr(),
      }),
    );
    expect(result, result.stderr).toMatchObject({ code: 0 });
  });

  it("link to pages and files that exist", () => {
    const relative = links.filter((l) => !/^[a-z]+:/i.test(l.url) && !l.url.startsWith("#"));
    const target = (l: Link) => path.posix.normalize(path.posix.join(path.posix.dirname(l.page), l.url.split("#")[0]!));
    const dangling = relative.filter((l) => !existsSync(path.join(REPO_ROOT, target(l))));
    expect(dangling.map((l) => `${l.page}:${l.line}: ${l.url}`)).toEqual([]);
  });
});
