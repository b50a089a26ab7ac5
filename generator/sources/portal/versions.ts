/**
 * Which versions of an app to read. "latest" is the newest version that is not
 * marked beta (the version clients get by default), or the newest of all when
 * every version is beta.
 */
import { compareText } from "../../util/order.js";
import { GeneratorError } from "../../diagnostics.js";
import { assertPathNames } from "../../path-name.js";

export type VersionChoice = { kind: "latest" } | { kind: "all" } | { kind: "list"; ids: string[] };

export interface AvailableVersion {
  id: string;
  beta: boolean;
}

export function parseVersionChoice(option: string | undefined): VersionChoice {
  if (option === undefined || option === "latest") return { kind: "latest" };
  if (option === "all") return { kind: "all" };
  const ids = option
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
  // An empty list would read nothing and be reported as docs without an app.
  if (ids.length === 0)
    throw new GeneratorError(`--versions ${JSON.stringify(option)} names no version: give latest, all, or a comma-separated list`);
  assertPathNames("--versions", "version", ids);
  return { kind: "list", ids };
}

/** Version ids to read, oldest first; ids asked for but not available are returned separately. */
export function chooseVersions(available: readonly AvailableVersion[], choice: VersionChoice): { chosen: string[]; unavailable: string[] } {
  const newestFirst = [...available].sort((a, b) => compareText(b.id, a.id));
  switch (choice.kind) {
    case "all":
      return { chosen: newestFirst.map((v) => v.id).reverse(), unavailable: [] };
    case "latest": {
      const pick = newestFirst.find((v) => !v.beta) ?? newestFirst[0];
      return { chosen: pick === undefined ? [] : [pick.id], unavailable: [] };
    }
    case "list": {
      const ids = new Set(available.map((v) => v.id));
      return {
        chosen: choice.ids.filter((id) => ids.has(id)).sort(compareText),
        unavailable: choice.ids.filter((id) => !ids.has(id)),
      };
    }
  }
}
