/**
 * The page the decode figure decodes: `GET /people/v2/people?per_page=100&include=...`
 * as the API answers it: 100 People and 325 included records (150 emails, 100
 * phone numbers, 50 addresses, 20 households, 5 campuses), every attribute the
 * People spec documents for each type, valued as the fixtures value them.
 */
import { attributeValue } from "../../generator/dataset/attribute-value.js";
import type { Spec } from "../../generator/spec/types.js";

export const PAGE_SIZE = 100;

interface Linkage {
  type: string;
  id: string;
}

interface ResourceObject extends Linkage {
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: Linkage | Linkage[] | null }>;
  links: { self: string };
}

export interface DecodePage {
  /** The answer's text, as it comes off the wire. */
  text: string;
  include: string[];
  /** Included records the records point to, counted once per pointer: what every decoder must resolve. */
  links: number;
  included: number;
}

/** Included collections: their JSON:API type, and which of the 100 people have how many of them. */
const RELATED = [
  { name: "emails", type: "Email", toMany: true, of: (i: number) => (i % 2 === 0 ? 2 : 1) },
  { name: "phone_numbers", type: "PhoneNumber", toMany: true, of: () => 1 },
  { name: "addresses", type: "Address", toMany: true, of: (i: number) => (i % 2 === 0 ? 1 : 0) },
] as const;
const HOUSEHOLD_SIZE = 5;
const CAMPUSES = 5;

export function buildDecodePage(people: Spec): DecodePage {
  const record = (type: string, id: string, relationships?: ResourceObject["relationships"]): ResourceObject => ({
    type,
    id,
    attributes: attributesOf(people, type, id),
    ...(relationships ? { relationships } : {}),
    links: { self: `https://api.planningcenteronline.com/people/v2/${type.toLowerCase()}s/${id}` },
  });
  const included: ResourceObject[] = [];
  const data: ResourceObject[] = [];
  let links = 0;
  for (let i = 0; i < PAGE_SIZE; i++) {
    const relationships: NonNullable<ResourceObject["relationships"]> = {};
    for (const related of RELATED) {
      const linkages = Array.from({ length: related.of(i) }, () => ({ type: related.type, id: String(included.length + 1000) })).map(
        (linkage) => {
          included.push(record(linkage.type, linkage.id));
          return linkage;
        },
      );
      relationships[related.name] = { data: linkages };
      links += linkages.length;
    }
    relationships.households = { data: [{ type: "Household", id: String(Math.floor(i / HOUSEHOLD_SIZE) + 1) }] };
    relationships.primary_campus = { data: { type: "Campus", id: String((i % CAMPUSES) + 1) } };
    links += 2;
    data.push(record("Person", String(i + 1), relationships));
  }
  for (let h = 1; h <= PAGE_SIZE / HOUSEHOLD_SIZE; h++) included.push(record("Household", String(h)));
  for (let c = 1; c <= CAMPUSES; c++) included.push(record("Campus", String(c)));
  const body = {
    data,
    included,
    meta: { total_count: 4_210, count: PAGE_SIZE },
    links: { next: "https://api.planningcenteronline.com/people/v2/people?offset=100" },
  };
  return {
    text: JSON.stringify(body),
    include: [...RELATED.map((r) => r.name), "households", "primary_campus"],
    links,
    included: included.length,
  };
}

function attributesOf(spec: Spec, type: string, id: string): Record<string, unknown> {
  const resource = spec.resources.find((r) => r.type === type);
  if (resource === undefined) throw new Error(`${spec.app}/${spec.version} documents no ${type}`);
  const attributes: Record<string, unknown> = {};
  for (const attribute of resource.attributes) {
    if (attribute.name !== "id") attributes[attribute.name] = attributeValue(attribute, undefined, `${type}#${id}/${attribute.name}`, type);
  }
  return attributes;
}
