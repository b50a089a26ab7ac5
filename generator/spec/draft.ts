/**
 * What readers produce: a spec as the docs wrote it. Lists are in document
 * order and may hold duplicates or empty names; paths may hold sample ids.
 * Items remember where they were read, so that normalization can point at a
 * duplicate. `normalizeSpec` turns a draft into a Spec.
 */
import type { Origin } from "../diagnostics.js";
import type {
  Action,
  Association,
  Attribute,
  CursorParam,
  Endpoint,
  Filter,
  PartialNote,
  PerPage,
  Permissions,
  QueryParam,
  Relationship,
  SourceFormat,
  Spec,
} from "./types.js";

export type Located<T> = T & { origin?: Origin };

export interface NamedDraft {
  name: string;
  origin?: Origin;
}

export interface IncludeDraft extends NamedDraft {
  assignOnCreate?: boolean;
  assignOnUpdate?: boolean;
}

export interface AssociationDraft extends Omit<Association, "filters"> {
  origin?: Origin;
  filters: Located<Filter>[];
}

export interface EndpointDraft extends Omit<Endpoint, "filters"> {
  filters?: Located<Filter>[];
  /** Where the docs give it: a request line, or the permission that names its create edge. */
  origin?: Origin;
}

export interface ResourceDraft {
  type: string;
  id: string;
  origin?: Origin;
  description?: string;
  deprecated: boolean;
  path?: string;
  collectionOnly?: boolean;
  attributes: Located<Attribute>[];
  relationships: Located<Relationship>[];
  associations: AssociationDraft[];
  actions: Located<Action>[];
  endpoints: EndpointDraft[];
  query: {
    where: Located<QueryParam>[];
    order: NamedDraft[];
    include: IncludeDraft[];
    nestedInclude?: NamedDraft[];
    relationalWhere?: Located<QueryParam>[];
    perPage?: PerPage;
    offset?: boolean;
    cursor?: CursorParam[];
  };
  permissions: Permissions;
  example?: unknown;
  sources?: SourceFormat[];
}

export interface SpecDraft extends Omit<Spec, "specVersion" | "resources" | "partial"> {
  resources: ResourceDraft[];
  partial?: PartialNote[];
}
