/**
 * Slate include files shared between the worker and the main thread: every
 * file is read by one of them (the worker from the largest, the main thread
 * from the smallest), and the worker gives them all in the order named, as
 * reading them in turn does, with a missing file and a refused one at their
 * places. Both sides run here on one thread, joined by a message channel as
 * the worker and the main thread are; the worker's first file waits until
 * the helper has answered one, so that each side reads some.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_LINE_LENGTH, readLocalText, type PageFiles } from "../../generator/sources/slate/documents.js";
import type { HelpAnswer, HelpRequest } from "../../generator/sources/slate/include-claims.js";
import { includeHelper } from "../../generator/sources/slate/include-helper.js";
import { includesShared } from "../../generator/sources/slate/include-sharing.js";
import { includesInTurn, type IncludeRead } from "../../generator/sources/slate/reader.js";

const NAMES = ["people", "groups", "giving", "services", "webhooks"];
let folder: string;
const relativeOf = (name: string) => `includes/_${name}.md`;

beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), "pco-include-sharing-"));
  mkdirSync(path.join(folder, "includes"));
  // Each file larger than a folder (4 KiB) and than the one before it: the worker, taking the largest, starts at the last.
  NAMES.forEach((name, index) => {
    const notes = `The ${name} of an organization.\n\n`.repeat(200 + 20 * index);
    writeFileSync(
      path.join(folder, relativeOf(name)),
      `# ${name}\n\n| Name | Type |\n| --- | --- |\n| \`${name}_id\` | integer |\n\n${notes}`,
    );
  });
  writeFileSync(path.join(folder, relativeOf("too-long")), `# Too long\n\n${"x".repeat(MAX_LINE_LENGTH + 1)}\n`);
  // A folder where a file should be: its read is refused, and its size, the smallest, gives it to the main thread first.
  mkdirSync(path.join(folder, relativeOf("folder")));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The folder's files; each read waits for `before`, if given. */
function pageFiles(before: Promise<unknown> = Promise.resolve()): PageFiles {
  const siblingPath = (relative: string) => path.join(folder, relative);
  return {
    entry: { text: "", location: path.join(folder, "index.md") },
    sibling: async (relative) => {
      await before;
      return readLocalText(siblingPath(relative));
    },
    siblingPath,
  };
}

type Outcome = { reads: (IncludeRead | undefined)[]; error?: Error };

async function collect(includes: AsyncIterable<IncludeRead | undefined>): Promise<Outcome> {
  const reads: (IncludeRead | undefined)[] = [];
  try {
    for await (const include of includes) reads.push(include);
  } catch (error) {
    return { reads, error: error as Error };
  }
  return { reads };
}

/**
 * The worker's reading of `relatives`, helped over a message channel; how
 * many requests the helper had, and how many files it answered. With `gated`,
 * the worker's first read waits for the helper's first answer.
 */
async function shared(relatives: string[], gated = true): Promise<Outcome & { helped: number; asked: number }> {
  const { port1: worker, port2: main } = new MessageChannel();
  let helped = 0;
  let asked = 0;
  let answered!: () => void;
  const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
  const helper = includeHelper((answer: HelpAnswer) => {
    helped += 1;
    answered();
    main.postMessage(answer);
  });
  main.on("message", (request: HelpRequest) => {
    asked += 1;
    helper.add(request);
  });
  helper.start();
  try {
    const files = pageFiles(gated ? firstAnswer : undefined);
    return { ...(await collect(includesShared(worker)(files, relatives))), helped, asked };
  } finally {
    helper.stop();
    worker.close();
    main.close();
  }
}

describe("include files shared with the main thread", () => {
  it("gives every file in the order named, as reading them in turn does, each side having read some", async () => {
    const relatives = NAMES.map(relativeOf);
    const result = await shared(relatives);
    expect(result.error).toBeUndefined();
    expect(result.helped).toBeGreaterThan(0);
    expect(result.helped).toBeLessThan(NAMES.length);
    expect(result.reads).toEqual((await collect(includesInTurn(pageFiles(), relatives))).reads);
    expect(result.reads.map((include) => include?.read.blocks[0])).toMatchObject(NAMES.map((name) => ({ kind: "heading", text: name })));
  });

  it("gives a missing file as missing, at its place", async () => {
    const relatives = [...NAMES.slice(0, 2), relativeOf("absent"), ...NAMES.slice(2).map(relativeOf)];
    const result = await shared(relatives);
    expect(result.error).toBeUndefined();
    expect(result.reads).toEqual((await collect(includesInTurn(pageFiles(), relatives))).reads);
    expect(result.reads[2]).toBeUndefined();
  });

  it("fails at the place of a file the main thread could not read, with the refusal reading in turn meets", async () => {
    const relatives = [...NAMES.slice(0, 3).map(relativeOf), relativeOf("folder"), ...NAMES.slice(3).map(relativeOf)];
    const result = await shared(relatives);
    const inTurn = await collect(includesInTurn(pageFiles(), relatives));
    expect(inTurn.error?.message).toMatch(/^cannot read .*_folder\.md: EISDIR$/);
    expect(result.helped).toBeGreaterThan(0);
    expect(result.error?.message).toBe(inTurn.error?.message);
    expect(result.reads).toEqual(inTurn.reads);
  });

  it("fails at the place of a file the worker refused, though the main thread read later files", async () => {
    const relatives = [...NAMES.slice(0, 2).map(relativeOf), relativeOf("too-long"), ...NAMES.slice(2).map(relativeOf)];
    const result = await shared(relatives);
    const inTurn = await collect(includesInTurn(pageFiles(), relatives));
    expect(inTurn.error?.message).toMatch(/too-long\.md: line 3 has/);
    expect(result.helped).toBeGreaterThan(0);
    expect(result.error?.message).toBe(inTurn.error?.message);
    expect(result.reads).toEqual(inTurn.reads);
  });

  it("asks for no help with a single file, or with files that are not on disk", async () => {
    const single = await shared([relativeOf(NAMES[0]!)], false);
    expect(single.asked).toBe(0);
    expect(single.reads).toHaveLength(1);
    const { port1, port2 } = new MessageChannel();
    let asked = 0;
    port2.on("message", () => (asked += 1));
    try {
      const { siblingPath: _onDisk, ...fetched } = pageFiles();
      const read = await collect(includesShared(port1)(fetched, NAMES.map(relativeOf)));
      expect(read.reads).toHaveLength(NAMES.length);
      expect(asked).toBe(0);
    } finally {
      port1.close();
      port2.close();
    }
  });
});
