/**
 * `generate` writes the clients without running prettier: the templates lay
 * their output out as prettier would. Prettier stays the judge here: every
 * client source file, committed or rendered from specs made to stress the
 * layout (long names, many attributes, long enums, deep nested includes,
 * empty resources, quotes in names), must come back from prettier unchanged.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import * as prettier from "prettier";
import { describe, expect, test } from "vitest";
import { PRETTIER_OPTIONS } from "../../generator/format.js";
import { renderClient } from "../../generator/render/client/renderer.js";
import { loadSpecs } from "../../generator/spec/load.js";
import type { Attribute, AttributeType, Resource, Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "../helpers/corpus.js";
import { resource, spec } from "../helpers/spec-builder.js";

async function expectPrettierStable(name: string, contents: string): Promise<void> {
  const formatted = await prettier.format(contents, { ...PRETTIER_OPTIONS, parser: "babel-ts" });
  expect(contents, `${name} is not as prettier writes it`).toBe(formatted);
}

async function expectClientStable(client: Spec): Promise<void> {
  const { value } = await renderClient(client);
  // The sources the templates write; index.js and index.d.ts are laid out as the compiler emits them (index-module.test.ts).
  const sources = value.filter((file) => /\/(index\.ts|types\.d\.ts)$/.test(file.path));
  expect(sources.length).toBe(2);
  for (const file of sources) await expectPrettierStable(file.path, file.contents);
}

describe("committed clients", () => {
  const clients = path.join(REPO_ROOT, "generated/clients");

  test("each app's index.ts and types.d.ts", async () => {
    const apps = (await readdir(clients, { withFileTypes: true })).filter((d) => d.isDirectory() && d.name !== "runtime");
    expect(apps.length).toBeGreaterThan(5);
    for (const app of apps) {
      for (const name of ["index.ts", "types.d.ts"]) {
        const file = path.join(clients, app.name, name);
        await expectPrettierStable(file, await readFile(file, "utf8"));
      }
    }
  });

  test("the runtime's sources", async () => {
    const dir = path.join(clients, "runtime");
    const sources = (await readdir(dir)).filter((n) => n.endsWith(".ts") && !n.endsWith(".d.ts"));
    expect(sources.length).toBeGreaterThan(5);
    for (const name of sources) await expectPrettierStable(name, await readFile(path.join(dir, name), "utf8"));
  });

  test("the runtime's sources are checked by lint with the options generated code has", async () => {
    const config: unknown = JSON.parse(await readFile(path.join(REPO_ROOT, "templates/runtime/.prettierrc.json"), "utf8"));
    expect(config).toEqual(PRETTIER_OPTIONS);
  });

  test("the hand-written specs' clients (hostile names and prose, a legacy app)", async () => {
    const specs = (await loadSpecs(path.join(REPO_ROOT, "test/client/specs"))).value;
    expect(specs.length).toBeGreaterThan(1);
    for (const s of specs) await expectClientStable(s);
  });
});

const ATTRIBUTE_TYPES: AttributeType[] = ["string", "integer", "float", "boolean", "date", "date_time", "array", "hash", "unknown"];
const WHERE_TYPES = ["string", "integer", "date", "date_time", "boolean", "primary_key", "currency_abbreviation", "array"];

/** `count` attributes named after `stem`, of every type in turn. */
const attributes = (stem: string, count: number): Attribute[] => [
  { name: "id", type: "primary_key" },
  ...Array.from({ length: count }, (_, i) => ({ name: `${stem}_${i}`, type: ATTRIBUTE_TYPES[i % ATTRIBUTE_TYPES.length]! })),
];

/** A resource at `/<app>/v2/<plural>` with list, get, create, update and delete, and the given fields. */
function crudResource(type: string, plural: string, fields: Partial<Resource> = {}): Resource {
  const base = `/stress/v2/${plural}`;
  const item = `${base}/{id}`;
  return resource(type, {
    path: base,
    endpoints: [
      { operation: "list", method: "GET", path: base },
      { operation: "get", method: "GET", path: item },
      { operation: "create", method: "POST", path: base },
      { operation: "update", method: "PATCH", path: item },
      { operation: "delete", method: "DELETE", path: item },
    ],
    permissions: { create: true, update: true, destroy: true },
    ...fields,
  });
}

const names = (stem: string, count: number) => Array.from({ length: count }, (_, i) => `${stem}_${i}`);

describe("clients of stress specs", () => {
  test("long names: app, resource types, attributes, collections and their bases", async () => {
    const long = "AnExtraordinarilyLongResourceTypeNameThatKeepsGoingOnAndOn";
    const longer = `${long}AndThenSomeMoreWordsAfterThat`;
    const target = crudResource(longer, "others", { attributes: attributes("an_attribute_with_a_name_long_enough_to_matter_here", 6) });
    const owner = crudResource(long, "things", {
      attributes: attributes("another_attribute_with_a_long_name", 4),
      relationships: [{ name: "the_other_long_named_relationship_to_follow", target: longer, toMany: true }],
      associations: [
        {
          name: "the_other_long_named_relationship_to_follow",
          target: longer,
          path: "/stress/v2/things/{id}/the_other_long_named_relationship_to_follow",
          filters: names("a_filter_with_a_long_enough_name", 7).map((name) => ({ name })),
        },
      ],
      query: { where: [], order: [], include: ["the_other_long_named_relationship_to_follow"] },
    });
    await expectClientStable(
      spec([owner, target], {
        app: "an-application-whose-name-goes-on-for-quite-a-while-indeed-and-further-still",
        title: "An application whose title is long enough to run past the width of a line of code",
        baseUrl: "https://api.example.com/an/extraordinarily/long/base/url/that/runs/past/the/width/of/a/line",
      }),
    );
  });

  test("many attributes, long enums: fields, where, order, page sizes, cursors, filters", async () => {
    const many = crudResource("Inventory", "inventories", {
      attributes: attributes("attr", 80),
      associations: [
        {
          name: "items",
          target: "Inventory",
          path: "/stress/v2/inventories/{id}/items",
          filters: names("filter", 30).map((name) => ({ name, description: `Filter ${name}` })),
        },
      ],
      query: {
        where: names("where", 40).map((name, i) => ({ name, type: WHERE_TYPES[i % WHERE_TYPES.length]!, description: `Where ${name}.` })),
        order: names("order_by_something", 40),
        include: [],
        perPage: { min: 1, max: 42, default: 25 },
        cursor: ["after", "before"],
      },
    });
    // 1..21 is just too long beside its name and fits on the line below it.
    const narrow = crudResource("Gadget", "gadgets", {
      attributes: attributes("g", 3),
      query: { where: [], order: ["a", "b"], include: [], perPage: { min: 1, max: 21, default: 5 } },
    });
    await expectClientStable(spec([many, narrow]));
  });

  test("deep nested includes, relational where, and deep action bodies", async () => {
    const chain = ["Alpha", "Bravo", "Charlie", "Delta", "Echo"].map((type, i, all) => {
      const next = all[i + 1];
      const link = next === undefined ? [] : [{ name: `${next.toLowerCase()}_with_a_longer_name`, target: next, toMany: i % 2 === 0 }];
      return crudResource(type, `${type.toLowerCase()}s`, {
        attributes: attributes(`${type.toLowerCase()}_field`, 3),
        relationships: link,
        query: {
          // A where on the relation itself as well as on its attributes: a union of the two.
          where: [{ name: "name", type: "string" }, ...link.map((l) => ({ name: l.name, type: "integer" }))],
          relationalWhere: link.flatMap((l) => [
            { name: `${l.name}.name_of_the_thing`, type: "string" },
            { name: `${l.name}.deeper_relation.created_at_some_time`, type: "date_time" },
          ]),
          order: [],
          include: link.map((l) => l.name),
          nestedInclude:
            i === 0
              ? [
                  "bravo_with_a_longer_name.charlie_with_a_longer_name",
                  "bravo_with_a_longer_name.charlie_with_a_longer_name.delta_with_a_longer_name",
                  "bravo_with_a_longer_name.charlie_with_a_longer_name.delta_with_a_longer_name.echo_with_a_longer_name",
                ]
              : [],
        },
        actions: [
          {
            name: "do_something_rather_involved",
            path: `/stress/v2/${type.toLowerCase()}s/{id}/do_something_rather_involved`,
            exampleBody: {
              data: {
                type: "Involved",
                attributes: {
                  a_rather_long_attribute_name: "x",
                  another_rather_long_attribute_name: [{ nested_key_with_length: 1, and_another_one_here: { deeper: true } }],
                  third: { fourth: { fifth: { sixth: { seventh: 1 } } } },
                },
              },
            },
          },
        ],
      });
    });
    await expectClientStable(spec(chain));
  });

  test("empty resources and names that need quotes", async () => {
    const empty = resource("Nothing", { attributes: [] });
    const bare = crudResource("Bare", "bares", {
      attributes: [{ name: "id", type: "primary_key" }],
      permissions: { create: true, update: true, destroy: false, createAttributes: [], updateAttributes: [] },
    });
    const quoted = crudResource("Quoted", "quoteds", {
      attributes: [
        { name: "id", type: "primary_key" },
        { name: 'say "hi"', type: "string" },
        { name: "it's", type: "string" },
        { name: "café", type: "string" },
        { name: "with-dash", type: "integer" },
        { name: "1st", type: "boolean" },
      ],
      query: { where: [{ name: 'say "hi"', type: "string" }], order: ['"quoted"', "it's"], include: [] },
    });
    // Letters beyond ASCII make identifiers too: a type, members and keys named with them.
    const accented = crudResource("CaféÜberLängeMitSehrVielenBuchstabenDamitDieZeileZuLangWirdUndBricht", "cafes", {
      attributes: [
        { name: "id", type: "primary_key" },
        { name: "ñandú", type: "string" },
      ],
      query: { where: [], order: names("ordenación_por_algún_campo_bastante_largo", 4), include: [] },
    });
    await expectClientStable(spec([empty, bare, quoted, accented]));
  });
});
