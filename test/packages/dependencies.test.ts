/**
 * What `npm ci` installs, read from package-lock.json: every package runs on
 * the oldest Node this project says it supports, and every package with an
 * install script has been reviewed (allowScripts in package.json), so that a
 * fresh install warns of neither, and npm's blocking of unreviewed scripts
 * changes nothing the project relies on.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/corpus.js";

interface Manifest {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
}
interface LockedPackage {
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(REPO_ROOT, file), "utf8")) as T;
const manifest = readJson<Manifest>("package.json");
const locked = Object.entries(readJson<{ packages: Record<string, LockedPackage> }>("package-lock.json").packages).filter(
  ([where]) => where !== "",
);

/** `node_modules/@scope/name` or `node_modules/a/node_modules/b` → the package's name. */
const nameAt = (where: string): string => where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length);

describe("the installed packages", () => {
  it("each run on the oldest Node package.json names", () => {
    const oldest = semver.minVersion(manifest.engines.node)!.version;
    const refusing = locked.flatMap(([where, info]) => {
      const wanted = Array.isArray(info.engines) ? undefined : info.engines?.node;
      return wanted === undefined || semver.satisfies(oldest, wanted) ? [] : [`${nameAt(where)} wants Node ${wanted}`];
    });
    expect(refusing, `Node ${oldest}`).toEqual([]);
  });

  it("each have their install script reviewed in allowScripts", () => {
    const reviewed = new Set(Object.keys(manifest.allowScripts ?? {}).map((key) => key.replace(/(?<=.)@.*$/, "")));
    const withScripts = locked.filter(([, info]) => info.hasInstallScript === true).map(([where]) => nameAt(where));
    expect(withScripts.length).toBeGreaterThan(0);
    expect(withScripts.filter((name) => !reviewed.has(name))).toEqual([]);
  });
});
