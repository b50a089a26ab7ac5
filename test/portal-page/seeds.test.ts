/**
 * Seeds 003 and 004: the Calendar and Services `Organization` pages of the
 * developer portal, saved as text. What the spec must hold is read here from
 * the pages themselves: the attributes are the example object's plus `id`,
 * each with the type and description of its line in "Attributes".
 */
import { readFileSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import { pathShape } from "../../generator/spec/paths.js";
import type { Spec } from "../../generator/spec/types.js";
import { corpusPath, describeCorpus } from "../helpers/corpus.js";
import { errorsOf, scrape } from "../slate/read.js";

const SEEDS = {
  calendar: corpusPath("seeds", "003_346b0c653648beb2.txt"),
  services: corpusPath("seeds", "004_0a0fc2480a1afbd8.txt"),
} as const;

const TITLES = [
  "Example Request",
  "Example Object",
  "Attributes",
  "Pagination",
  "Endpoints",
  "Listing",
  "Reading",
  "Associations",
  "Belongs To",
];

/** The lines of a page section, blank lines left out. */
function section(lines: readonly string[], title: string): string[] {
  const start = lines.indexOf(title) + 1;
  const end = lines.findIndex((line, i) => i >= start && TITLES.includes(line));
  return lines.slice(start, end === -1 ? undefined : end).filter((line) => line.trim() !== "");
}

interface Documented {
  attributes: Map<string, { type: string; description: string[] }>;
  perPage: { min: number; max: number; default: number };
  listing: string;
  reading: string;
  associations: Map<string, { target: string; filters: { name: string; help: string[] }[] }>;
  belongsTo: string[];
}

function documented(file: string): Documented {
  const lines = readFileSync(file, "utf8").split("\n");
  const example = JSON.parse(section(lines, "Example Object").join("\n")) as { attributes: Record<string, unknown> };
  const names = ["id", ...Object.keys(example.attributes)];
  const attributes = new Map<string, { type: string; description: string[] }>();
  let current: { type: string; description: string[] } | undefined;
  for (const line of section(lines, "Attributes").slice(1)) {
    const name = names.find((n) => line.startsWith(`${n} `));
    if (name !== undefined) {
      const [, type = "", ...rest] = line.split(" ");
      current = { type, description: rest.length > 0 ? [rest.join(" ")] : [] };
      attributes.set(name, current);
    } else {
      current?.description.push(line.trim());
    }
  }
  const [min, max, fallback] = /min=(\d+), max=(\d+), default=(\d+)/.exec(section(lines, "Pagination").join(" "))!.slice(1).map(Number);
  const associations = new Map<string, { target: string; filters: { name: string; help: string[] }[] }>();
  let edge: { target: string; filters: { name: string; help: string[] }[] } | undefined;
  for (const line of section(lines, "Associations").slice(1)) {
    if (line.startsWith("GET ")) {
      const [, url = "", target = ""] = line.split(" ");
      edge = { target, filters: [] };
      associations.set(url.split("/").at(-1)!, edge);
    } else if (line.trim().startsWith("• ")) {
      edge!.filters.push({ name: line.trim().slice(2), help: [] });
    } else {
      edge!.filters.at(-1)!.help.push(line.trim());
    }
  }
  const path = (row: string) => row.split(" ")[1]!.replace(/^https:\/\/[^/]+/, "");
  return {
    attributes,
    perPage: { min: min!, max: max!, default: fallback! },
    listing: path(section(lines, "Listing")[1]!),
    reading: path(section(lines, "Reading")[1]!),
    associations,
    belongsTo: section(lines, "Belongs To").slice(1).map(path),
  };
}

describeCorpus("developer-portal pages saved as text (seeds 003, 004)", () => {
  const specs = new Map<string, Spec>();

  beforeAll(async () => {
    for (const [app, file] of Object.entries(SEEDS)) {
      const result = await scrape(`portal-page:${file}`);
      expect(errorsOf(result.diagnostics)).toEqual([]);
      expect(result.specs.map((s) => [s.app, s.version, s.source.format])).toEqual([[app, "unversioned", "portal-page-text"]]);
      specs.set(app, result.specs[0]!);
    }
  });

  it.each(Object.entries(SEEDS))("%s: the Organization holds every attribute with its type and description", (app, file) => {
    const docs = documented(file);
    const organization = specs.get(app)!.resources[0]!;
    expect(specs.get(app)!.resources.map((r) => r.type)).toEqual(["Organization"]);
    expect(organization.attributes.map((a) => a.name)).toEqual([...docs.attributes.keys()].sort());
    for (const attribute of organization.attributes) {
      const line = docs.attributes.get(attribute.name)!;
      expect(attribute.type, attribute.name).toBe(line.type);
      const description = line.description.map((d) => d.replace(/^• /, "- ")).join("\n");
      expect(attribute.description, attribute.name).toBe(description === "" ? undefined : description);
    }
  });

  it("the attribute counts are those of the example objects, plus id: 7 and 30", () => {
    expect(specs.get("calendar")!.resources[0]!.attributes).toHaveLength(7);
    expect(specs.get("services")!.resources[0]!.attributes).toHaveLength(30);
  });

  it.each(Object.entries(SEEDS))("%s: paging limits and the Listing and Reading endpoints", (app, file) => {
    const docs = documented(file);
    const organization = specs.get(app)!.resources[0]!;
    expect(organization.query.perPage).toEqual(docs.perPage);
    const endpoint = (operation: string, path: string) =>
      organization.endpoints.find((e) => e.operation === operation && pathShape(e.path) === pathShape(path));
    expect(endpoint("list", docs.listing)).toBeDefined();
    expect(endpoint("get", docs.reading)).toBeDefined();
    for (const path of docs.belongsTo)
      expect(
        organization.endpoints.map((e) => e.path),
        path,
      ).toContain(path);
  });

  it.each(Object.entries(SEEDS))("%s: every association with its target, its Filter By list and each filter's help", (app, file) => {
    const docs = documented(file);
    const associations = specs.get(app)!.resources[0]!.associations;
    expect(associations.map((a) => a.name)).toEqual([...docs.associations.keys()].sort());
    for (const association of associations) {
      const row = docs.associations.get(association.name)!;
      expect(association.target).toBe(row.target);
      const filters = row.filters
        .map((f) => ({ name: f.name, ...(f.help.length > 0 ? { description: f.help.join(" ") } : {}) }))
        .sort((a, b) => (a.name < b.name ? -1 : 1));
      expect(association.filters, association.name).toEqual(filters);
    }
  });

  it.each(Object.entries(SEEDS))(
    "%s: relationships, where, order, include and actions are those the page shows, none",
    async (app, file) => {
      const lines = readFileSync(file, "utf8")
        .split("\n")
        .map((line) => line.trim());
      const example = JSON.parse(section(lines, "Example Object").join("\n")) as { relationships: Record<string, unknown> };
      // The page's own tables of these facts, counted from its text: rows of "Relationships", "where[...]" parameters, "order" and "include" rows, "Actions".
      const shown = {
        relationships: Object.keys(example.relationships).length,
        where: lines.filter((line) => /(^|\s)where\[/.test(line)).length,
        order: lines.filter((line) => /^order\s/.test(line)).length,
        include: lines.filter((line) => /^include\s/.test(line)).length,
        actions: lines.filter((line) => line === "Actions").length,
      };
      const organization = specs.get(app)!.resources[0]!;
      expect({
        relationships: organization.relationships.length,
        where: organization.query.where.length,
        order: organization.query.order.length,
        include: organization.query.include.length,
        actions: organization.actions.length,
      }).toEqual(shown);
      const result = await scrape(`portal-page:${file}`);
      expect(result.diagnostics.filter((d) => d.code === "PAGE_SECTION_NOT_READ")).toEqual([]);
    },
  );

  it("calendar: event_instances has all its filters and resource_bookings has 10", () => {
    const associations = specs.get("calendar")!.resources[0]!.associations;
    const filters = (name: string) => associations.find((a) => a.name === name)!.filters;
    expect(filters("event_instances")).toHaveLength(documented(SEEDS.calendar).associations.get("event_instances")!.filters.length);
    expect(filters("event_instances").find((f) => f.name === "all")?.description).toBe(
      "filter to instances you approve, manage, own, or subscribe to; can't be combined with any other user scopes",
    );
    expect(filters("resource_bookings")).toHaveLength(10);
  });
});
