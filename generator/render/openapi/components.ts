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
 */
import { compareText } from "../../util/order.js";
import { componentKey } from "./naming.js";
import { ref, type Components, type Header, type Parameter, type Reference, type Response, type Schema } from "./model.js";

type Section = "schemas" | "parameters" | "headers" | "responses";
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

  /** A reference to the component, building it under a fresh key on first use. */
  use<S extends Section>(section: S, identity: string, wantedKey: string, build: () => SectionValue[S]): Reference {
    const known = this.keys.get(`${section} ${identity}`);
    if (known !== undefined) return ref(section, known);
    const key = this.freeKey(section, componentKey(wantedKey));
    this.keys.set(`${section} ${identity}`, key);
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

  private freeKey(section: Section, key: string): string {
    let candidate = key;
    for (let n = 2; this.values[section].has(candidate); n++) candidate = `${key}_${n}`;
    return candidate;
  }

  private sorted<S extends Section>(section: S): Record<string, SectionValue[S]> | undefined {
    const entries = [...this.values[section]].sort(([a], [b]) => compareText(a, b));
    if (entries.length === 0) return undefined;
    return Object.fromEntries(entries.map(([key, value]) => [key, value!]));
  }
}
