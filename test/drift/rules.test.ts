/**
 * The comparison's rules, one hand-written case each: what counts as a change,
 * how it is classified, and what is normalized away.
 */
import { describe, expect, it } from "vitest";
import type { SpecComparison } from "../../generator/diff/change.js";
import { diffSpecs } from "../../generator/diff/diff.js";
import type { Resource } from "../../generator/spec/types.js";
import { resource, spec } from "./spec-builder.js";

/** `class: Resource subject action name (field) [in within]`: the facts of each change, compactly. */
function facts(comparisons: SpecComparison[]): string[] {
  return comparisons
    .flatMap((c) => [
      ...c.changes.map((change) => ({ owner: "app", change })),
      ...c.resources.flatMap((r) => r.changes.map((change) => ({ owner: r.type, change }))),
    ])
    .map(({ owner, change }) => {
      const field = change.field === undefined ? "" : ` (${change.field})`;
      const within = change.within === undefined ? "" : ` in ${change.within.subject} ${change.within.name}`;
      return `${change.class}: ${owner} ${change.subject} ${change.action} ${change.name}${field}${within}`;
    });
}

const compare = (before: Resource[], after: Resource[]) => facts(diffSpecs(spec(before), spec(after)));

const address = (fields: Partial<Resource> = {}) =>
  resource("Address", {
    path: "/people/v2/people/{person_id}/addresses",
    attributes: [
      { name: "id", type: "primary_key" },
      { name: "street", type: "string", description: "The street." },
    ],
    ...fields,
  });

const cases: [string, { before: Resource[]; after: Resource[]; want: string[] }][] = [
  ["identical specs", { before: [address()], after: [address()], want: [] }],
  ["a resource added", { before: [], after: [address()], want: ["additive: Address resource added Address"] }],
  ["a resource removed", { before: [address()], after: [], want: ["breaking: Address resource removed Address"] }],
  [
    "an attribute added and one removed",
    {
      before: [address()],
      after: [
        address({
          attributes: [
            { name: "id", type: "primary_key" },
            { name: "city", type: "string" },
          ],
        }),
      ],
      want: ["additive: Address attribute added city", "breaking: Address attribute removed street"],
    },
  ],
  [
    "an attribute's type changed",
    {
      before: [address()],
      after: [
        address({
          attributes: [
            { name: "id", type: "primary_key" },
            { name: "street", type: "array", description: "The street." },
          ],
        }),
      ],
      want: ["breaking: Address attribute changed street (type)"],
    },
  ],
  [
    "a description changed is docs; whitespace alone is nothing",
    {
      before: [address({ description: "A  postal\naddress. " })],
      after: [
        address({
          description: "A postal address.",
          attributes: [
            { name: "id", type: "primary_key" },
            { name: "street", type: "string", description: "The street line." },
          ],
        }),
      ],
      want: ["docs: Address attribute changed street (description)"],
    },
  ],
  [
    "list order and duplicate names are no change",
    {
      before: [address({ query: { where: [], order: ["street", "city"], include: ["person", "person"] } })],
      after: [address({ query: { where: [], order: ["city", "street"], include: ["person"] } })],
      want: [],
    },
  ],
  [
    "a path written with sample ids or named parameters is the same path",
    {
      before: [
        address({
          endpoints: [{ operation: "list", method: "GET", path: "/people/v2/people/1/addresses" }],
          associations: [
            { name: "person", target: "Person", path: "https://api.planningcenteronline.com/people/v2/addresses/1/person/", filters: [] },
          ],
          actions: [{ name: "verify", path: "/people/v2/people/1/addresses/2/verify" }],
        }),
      ],
      after: [
        address({
          endpoints: [{ operation: "list", method: "GET", path: "/people/v2/people/{person_id}/addresses" }],
          associations: [{ name: "person", target: "Person", path: "/people/v2/addresses/{address_id}/person", filters: [] }],
          actions: [{ name: "verify", path: "/people/v2/people/{id}/addresses/{address_id}/verify" }],
        }),
      ],
      want: [],
    },
  ],
  [
    "a path that leads elsewhere is breaking",
    {
      before: [address({ associations: [{ name: "person", target: "Person", path: "/people/v2/addresses/1/person", filters: [] }] })],
      after: [address({ associations: [{ name: "person", target: "Person", path: "/people/v2/addresses/1/owner", filters: [] }] })],
      want: ["breaking: Address association changed person (path)"],
    },
  ],
  [
    "filters, where, order and include added and removed",
    {
      before: [
        address({
          associations: [{ name: "person", target: "Person", path: "/x/1/person", filters: [{ name: "active" }] }],
          query: { where: [{ name: "street", type: "string" }], order: ["street"], include: ["person"] },
        }),
      ],
      after: [
        address({
          associations: [{ name: "person", target: "Person", path: "/x/1/person", filters: [{ name: "archived" }] }],
          query: { where: [{ name: "city", type: "string" }], order: ["city"], include: ["owner"] },
        }),
      ],
      want: [
        "breaking: Address filter removed active in association person",
        "additive: Address filter added archived in association person",
        "additive: Address where added city",
        "breaking: Address where removed street",
        "additive: Address order added city",
        "breaking: Address order removed street",
        "additive: Address include added owner",
        "breaking: Address include removed person",
      ],
    },
  ],
  [
    "a where parameter's type changed",
    {
      before: [address({ query: { where: [{ name: "street", type: "string" }], order: [], include: [] } })],
      after: [address({ query: { where: [{ name: "street", type: "integer" }], order: [], include: [] } })],
      want: ["breaking: Address where changed street (type)"],
    },
  ],
  [
    "a permission revoked is breaking and takes its endpoints with it",
    {
      before: [
        address({
          permissions: { create: true, update: true, destroy: false },
          endpoints: [
            { operation: "create", method: "POST", path: "/people/v2/people/1/addresses" },
            { operation: "update", method: "PATCH", path: "/people/v2/people/1/addresses/2" },
          ],
        }),
      ],
      after: [
        address({
          permissions: { create: false, update: true, destroy: true },
          endpoints: [
            { operation: "update", method: "PATCH", path: "/people/v2/people/{person_id}/addresses/{address_id}" },
            { operation: "delete", method: "DELETE", path: "/people/v2/people/{person_id}/addresses/{address_id}" },
          ],
        }),
      ],
      want: ["breaking: Address permission removed create", "additive: Address permission added destroy"],
    },
  ],
  [
    "an endpoint that no permission explains is listed as an endpoint",
    {
      before: [address({ endpoints: [{ operation: "list", method: "GET", path: "/people/v2/addresses" }] })],
      after: [address({ endpoints: [{ operation: "list", method: "GET", path: "/people/v2/people/1/addresses" }] })],
      want: [
        "breaking: Address endpoint removed GET /people/v2/addresses",
        "additive: Address endpoint added GET /people/v2/people/1/addresses",
      ],
    },
  ],
  [
    "a removed attribute is not listed again as no longer writable; an added one is said to be writable",
    {
      before: [address({ permissions: { create: true, update: false, destroy: false, createAttributes: ["street"] } })],
      after: [
        address({
          attributes: [
            { name: "id", type: "primary_key" },
            { name: "city", type: "string" },
          ],
          permissions: { create: true, update: false, destroy: false, createAttributes: ["city"] },
        }),
      ],
      want: [
        "additive: Address attribute added city",
        "breaking: Address attribute removed street",
        "additive: Address writable-attribute added city in permission create",
      ],
    },
  ],
  [
    "a read permission narrowed is breaking, opened to public additive",
    {
      before: [
        address({
          attributes: [
            { name: "a", type: "string", permission: "public" },
            { name: "b", type: "string", permission: "editor" },
          ],
        }),
      ],
      after: [
        address({
          attributes: [
            { name: "a", type: "string", permission: "editor" },
            { name: "b", type: "string", permission: "public" },
          ],
        }),
      ],
      want: ["breaking: Address attribute changed a (permission)", "additive: Address attribute changed b (permission)"],
    },
  ],
  [
    "what one side does not state is not compared (assignable includes, paging, permission levels)",
    {
      before: [address({ attributes: [{ name: "a", type: "string" }], query: { where: [], order: [], include: ["person"] } })],
      after: [
        address({
          attributes: [{ name: "a", type: "string", permission: "public" }],
          query: {
            where: [],
            order: [],
            include: ["person"],
            assignableIncludes: { create: ["person"], update: [] },
            perPage: { min: 1, max: 100, default: 25 },
          },
        }),
      ],
      want: [],
    },
  ],
  [
    "a smaller page size limit is breaking, a larger one additive",
    {
      before: [
        address({ query: { where: [], order: [], include: [], perPage: { min: 1, max: 100, default: 25 } } }),
        resource("Email", { query: { where: [], order: [], include: [], perPage: { min: 1, max: 25, default: 25 } } }),
      ],
      after: [
        address({ query: { where: [], order: [], include: [], perPage: { min: 1, max: 50, default: 25 } } }),
        resource("Email", { query: { where: [], order: [], include: [], perPage: { min: 1, max: 100, default: 25 } } }),
      ],
      want: ["breaking: Address paging changed per_page (per_page)", "additive: Email paging changed per_page (per_page)"],
    },
  ],
  [
    "deprecation is a notice, not a break",
    { before: [address()], after: [address({ deprecated: true })], want: ["additive: Address resource changed Address (deprecated)"] },
  ],
  [
    "relationships: target and cardinality",
    {
      before: [
        address({
          relationships: [
            { name: "person", target: "Person", toMany: false },
            { name: "tags", target: "Tag", toMany: true },
          ],
        }),
      ],
      after: [
        address({
          relationships: [
            { name: "person", target: "Household", toMany: false },
            { name: "tags", target: "Tag", toMany: false },
          ],
        }),
      ],
      want: ["breaking: Address relationship changed person (target)", "breaking: Address relationship changed tags (toMany)"],
    },
  ],
  [
    "actions: added, removed, and an example body changed (docs)",
    {
      before: [
        address({
          actions: [
            { name: "merge", path: "/a/1/merge", exampleBody: { data: { a: 1, b: 2 } } },
            { name: "old", path: "/a/1/old" },
          ],
        }),
      ],
      after: [
        address({
          actions: [
            { name: "merge", path: "/a/{id}/merge", exampleBody: { data: { b: 2, a: 3 } } },
            { name: "new", path: "/a/1/new" },
          ],
        }),
      ],
      want: [
        "docs: Address action changed merge (exampleBody)",
        "additive: Address action added new",
        "breaking: Address action removed old",
      ],
    },
  ],
];

describe("the comparison of two specs", () => {
  it.each(cases)("%s", (_name, { before, after, want }) => {
    expect(compare(before, after)).toEqual(want);
  });

  it("gives the same changes whatever order the resources and their lists come in", () => {
    const a = [
      address(),
      resource("Email", {
        attributes: [
          { name: "id", type: "primary_key" },
          { name: "address", type: "string" },
        ],
      }),
    ];
    const b = [
      resource("Email"),
      address({
        attributes: [
          { name: "zip", type: "string" },
          { name: "id", type: "primary_key" },
        ],
      }),
    ];
    const reversed = (rs: Resource[]) => [...rs].reverse().map((r) => ({ ...r, attributes: [...r.attributes].reverse() }));
    expect(compare(reversed(a), reversed(b))).toEqual(compare(a, b));
    expect(compare(a, b)).toEqual([
      "breaking: Address attribute removed street",
      "additive: Address attribute added zip",
      "breaking: Email attribute removed address",
    ]);
  });

  it("compares the app's own facts: base URL is breaking, title docs, the Graph's fields only where both sides have them", () => {
    const before = spec([], { baseUrl: "https://api.planningcenteronline.com", title: "People", description: "Old words", beta: true });
    const after = spec([], { baseUrl: "https://api.example.com", title: "PCO People", versionDetails: "New release" });
    expect(facts(diffSpecs(before, after))).toEqual(["breaking: app app changed people (baseUrl)", "docs: app app changed people (title)"]);
  });

  it("compares API-wide facts where both sides state them", () => {
    const rateLimit = { limit: 100, periodSeconds: 20, headers: { limit: "L", period: "P", count: "C", retryAfter: "R" } };
    const before = spec([], { api: { rateLimit, currentUserPath: "/people/v2/me" } });
    const after = spec([], {
      api: { rateLimit: { ...rateLimit, limit: 50 }, upload: { url: "https://upload.example/v2/files", field: "file" } },
    });
    expect(facts(diffSpecs(before, after))).toEqual([
      "breaking: app api removed currentUserPath",
      "breaking: app api changed rateLimit (rateLimit)",
      "additive: app api added upload",
    ]);
    expect(facts(diffSpecs(before, spec([])))).toEqual([]);
  });
});
