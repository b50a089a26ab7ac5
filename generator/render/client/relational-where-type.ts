/**
 * The type of a resource's `where`, relational clauses included: `group.name`
 * (`where[group][name]`) is written `where: { group: { name: "x" } }`. The
 * dotted names become nested object types here, so the compiler checks a
 * relational where by plain excess-property checks, with no path types.
 */
import { sortedStrings } from "../../util/order.js";
import { propertyKey } from "./ts-text.js";
import type { PropertyView } from "./view.js";

/** A where name (dotted for a relational one) with its type expression and doc comment. */
export interface WhereEntry {
  name: string;
  type: string;
  doc: string[];
}

/** A level of the where: the clauses named here, and the relations under it. */
interface Level {
  own: Map<string, WhereEntry>;
  relations: Map<string, Level>;
}

const emptyLevel = (): Level => ({ own: new Map(), relations: new Map() });

/** The properties of the where interface: each plain name, and each relation's first step with its nested type. */
export function whereProperties(entries: readonly WhereEntry[]): PropertyView[] {
  const root = emptyLevel();
  for (const entry of entries) {
    const steps = entry.name.split(".");
    let level = root;
    for (const step of steps.slice(0, -1)) {
      if (!level.relations.has(step)) level.relations.set(step, emptyLevel());
      level = level.relations.get(step)!;
    }
    level.own.set(steps[steps.length - 1]!, entry);
  }
  return sortedStrings(names(root)).map((name) => ({
    doc: root.own.get(name)?.doc ?? [],
    name,
    optional: true,
    type: propertyType(root, name),
  }));
}

const names = (level: Level) => new Set([...level.own.keys(), ...level.relations.keys()]);

/** A name's clause type, its relation's object type, or both (a where on `group` itself and on `group.name`). */
function propertyType(level: Level, name: string): string {
  const own = level.own.get(name)?.type;
  const relation = level.relations.get(name);
  const nested = relation === undefined ? undefined : objectType(relation);
  return [own, nested].filter((t) => t !== undefined).join(" | ");
}

function objectType(level: Level): string {
  return `{ ${sortedStrings(names(level))
    .map((name) => `${propertyKey(name)}?: ${propertyType(level, name)};`)
    .join(" ")} }`;
}
