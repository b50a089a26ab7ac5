/**
 * `components`, filled on demand: a component is built the first time an
 * operation or another component refers to it, so the document holds exactly
 * what it uses (no unused components), and each is built once.
 *
 * A component is known by an identity (`schema Person document`); its key is
 * derived from a wanted key made safe for OpenAPI. Two identities that would
 * share a key (names differing only in characters a key cannot hold) get
 * `_2`, `_3`... in the order they are first used, which the renderer keeps
 * deterministic.
 *
 * A component of one app's resources is named under the app's prefix (none in
 * a document of one app, `people.` in the combined one). The registry keeps
 * what it was asked for, so that it can say the keys the same components get
 * under another prefix (`keysUnder`): the combined document's part of an app
 * is derived from the app's own document rather than built again.
 */
import { compareText } from "../../util/order.js";
import { componentKey } from "./naming.js";
import { ref, type Components, type Header, type Parameter, type Reference, type Response, type Schema } from "./model.js";

export type Section = "schemas" | "parameters" | "headers" | "responses";

/** The key wanted for a component: a name, or a name of one app's, under the app's prefix. */
export type WantedKey = string | { prefix: string; name: string };
interface SectionValue {
  schemas: Schema;
  parameters: Parameter;
  headers: Header;
  responses: Response;
}

export class ComponentRegistry {
  private readonly keys = new Map<string, string>();
  private readonly values: { [S in Section]: Map<string, SectionValue[S] | undefined> } = {
    schemas: new Map(),
    parameters: new Map(),
    headers: new Map(),
    responses: new Map(),
  };

  /** Every component in the order of first use, with what its key was wanted as. */
  private readonly used: { section: Section; key: string; wanted: WantedKey }[] = [];

  /** A reference to the component, building it under a fresh key on first use. */
  use<S extends Section>(section: S, identity: string, wanted: WantedKey, build: () => SectionValue[S]): Reference {
    const known = this.keys.get(`${section} ${identity}`);
    if (known !== undefined) return ref(section, known);
    const key = freeKey(componentKey(typeof wanted === "string" ? wanted : `${wanted.prefix}${wanted.name}`), this.values[section]);
    this.keys.set(`${section} ${identity}`, key);
    this.used.push({ section, key, wanted });
    this.values[section].set(key, undefined); // reserved while it builds, for components that refer to themselves
    this.values[section].set(key, build());
    return ref(section, key);
  }

  toComponents(): Components {
    return {
      schemas: this.sorted("schemas"),
      parameters: this.sorted("parameters"),
      headers: this.sorted("headers"),
      responses: this.sorted("responses"),
    };
  }

  /**
   * Each component's key, by section, as it would be had every app's component been wanted under `prefix`: the keys a build
   * with that prefix gives, as it uses the same components in the same order.
   */
  keysUnder(prefix: string): Map<Section, Map<string, string>> {
    const renamed = new Map<Section, Map<string, string>>();
    const taken = new Map<Section, Set<string>>();
    for (const { section, key, wanted } of this.used) {
      if (!renamed.has(section)) {
        renamed.set(section, new Map());
        taken.set(section, new Set());
      }
      const name = typeof wanted === "string" ? wanted : `${prefix}${wanted.name}`;
      const renamedKey = freeKey(componentKey(name), taken.get(section)!);
      taken.get(section)!.add(renamedKey);
      renamed.get(section)!.set(key, renamedKey);
    }
    return renamed;
  }

  private sorted<S extends Section>(section: S): Record<string, SectionValue[S]> | undefined {
    const entries = [...this.values[section]].sort(([a], [b]) => compareText(a, b));
    if (entries.length === 0) return undefined;
    return Object.fromEntries(entries.map(([key, value]) => [key, value!]));
  }
}

/** `key`, or the first of `key_2`, `key_3`... that is not taken. */
function freeKey(key: string, taken: { has(key: string): boolean }): string {
  let candidate = key;
  for (let n = 2; taken.has(candidate); n++) candidate = `${key}_${n}`;
  return candidate;
}
