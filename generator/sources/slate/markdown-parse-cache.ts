/**
 * The markdown parse (remark + GFM tables + front matter) is most of a Slate scrape,
 * and the Slate sources rarely change: the tree of a text is kept on disk by
 * the hash of the text and of the parser packages' versions, beside the
 * format cache, and read back instead of parsing again. The cache only saves
 * time: an unreadable or unwritable entry means a parse.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Root } from "mdast";
import { cacheRoot } from "../../util/cache-root.js";

/** Every package whose code decides the tree: a change of parser (such as GFM's tables alone for all of GFM) is a change of key. */
const PARSER_PACKAGES = [
  "remark-parse",
  "remark-frontmatter",
  "micromark",
  "mdast-util-from-markdown",
  "micromark-extension-gfm-table",
  "mdast-util-gfm-table",
];
let parserVersions: string | undefined;

function versionsOfParser(): string {
  if (parserVersions === undefined) {
    const require = createRequire(import.meta.url);
    parserVersions = PARSER_PACKAGES.map((name) => {
      try {
        const manifest = findManifest(require.resolve(name), name);
        return `${name}@${(JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version}`;
      } catch {
        return `${name}@unknown`;
      }
    }).join("\0");
  }
  return parserVersions;
}

/** The package.json of the package a resolved entry file belongs to. */
function findManifest(entry: string, name: string): string {
  for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    if (dir.endsWith(`${path.sep}node_modules${path.sep}${name}`)) return path.join(dir, "package.json");
  }
  throw new Error(`no package.json for ${name}`);
}

export const markdownCacheDir = (): string => path.join(cacheRoot(), "markdown");

/** `parse(text)`, or the tree a previous parse of the same text by the same parser left. */
export function parseCached(text: string, parse: (text: string) => Root): Root {
  const key = createHash("sha256").update(`pco-codegen markdown tree 1\0${versionsOfParser()}\0${text}`).digest("hex");
  const file = path.join(markdownCacheDir(), key.slice(0, 2), `${key}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Root;
  } catch {
    // not cached yet, or unreadable
  }
  const tree = parse(text);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(tree));
    renameSync(temporary, file);
  } catch {
    // a read-only cache only costs speed
  }
  return tree;
}
