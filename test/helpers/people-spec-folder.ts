/** A spec folder holding the committed People spec with one edit to its Person, for tests of what a spec may hold. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "./corpus.js";

export type Resource = Spec["resources"][number];

/** Writes `<root>/people/2025-03-20.json` with `edit` applied to Person; returns Person's index. */
export function peopleSpecFolder(root: string, edit: (person: Resource) => void): number {
  const spec = JSON.parse(readFileSync(path.join(REPO_ROOT, "spec", "people", "2025-03-20.json"), "utf8")) as Spec;
  const index = spec.resources.findIndex((r) => r.type === "Person");
  edit(spec.resources[index]!);
  mkdirSync(path.join(root, "people"), { recursive: true });
  writeFileSync(path.join(root, "people", "2025-03-20.json"), JSON.stringify(spec));
  return index;
}
