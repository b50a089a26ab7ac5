/**
 * What the parts of one document share while it is built: its components, the
 * API-wide facts, and how each spec's components and tags are named (a
 * document of one app names them `Person`; the combined document of every
 * app, `people.Person`).
 */
import type { ApiFacts, Spec } from "../../spec/types.js";
import type { ComponentRegistry } from "./components.js";
import { indexResources, type ResourceIndex } from "./resource-index.js";

export interface DocumentContext {
  components: ComponentRegistry;
  facts: ApiFacts;
}

export interface AppContext extends ResourceIndex {
  /** Put before every component key and tag of this spec's resources. */
  prefix: string;
  /** The spec's identity, unique among the specs of a document. */
  id: string;
}

export function appContext(spec: Spec, prefix: string): AppContext {
  return { ...indexResources(spec), prefix, id: `${spec.app}@${spec.version}` };
}

export const tagOf = (app: AppContext, type: string): string => `${app.prefix}${type}`;
