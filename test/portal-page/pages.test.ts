/**
 * Developer-portal resource pages saved as text: a folder of pages reads into
 * one spec per app, versioned as the pages say or `unversioned`, kept and
 * pruned apart from the dated portal specs.
 */
import { describe, expect, it } from "vitest";
import { specTreePlan } from "../../generator/scrape.js";
import { errorsOf, lineOf, scrape, specOf } from "../slate/read.js";

const PAGES = "test/portal-page/pages";

describe("portal pages as text", () => {
  it("reads a folder of pages into one spec of the app, skipping what is not a page", async () => {
    const result = await scrape(`portal-page:${PAGES}/calendar`);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.specs.map((s) => [s.app, s.version, s.source])).toEqual([
      ["calendar", "unversioned", { format: "portal-page-text", location: `${PAGES}/calendar` }],
    ]);
    expect(specOf(result, "calendar").resources.map((r) => r.type)).toEqual(["Event", "Tag"]);
    expect(result.diagnostics.filter((d) => d.code === "PAGE_NOT_A_PAGE").map((d) => d.file)).toEqual([`${PAGES}/calendar/notes.md`]);
    expect(result.detected).toEqual([
      `portal-page:${PAGES}/calendar: 2 developer-portal resource pages (Event, Tag) of 3 files (2 portal pages as text, 1 not documentation this tool reads)`,
    ]);
  });

  it("reads attributes with their descriptions, paging, endpoints, and each association's filters with their help", async () => {
    const event = specOf(await scrape(`portal-page:${PAGES}/calendar`), "calendar").resources.find((r) => r.type === "Event")!;
    expect(event.attributes).toEqual([
      { name: "id", type: "primary_key" },
      { name: "name", type: "string", description: "The event's name" },
      { name: "starts_at", type: "date_time", description: "When the event starts\n- in the organization's time zone" },
    ]);
    expect(event.query.perPage).toEqual({ min: 1, max: 50, default: 20 });
    expect(event.endpoints).toEqual([
      { operation: "list", method: "GET", path: "/calendar/v2/events" },
      { operation: "get", method: "GET", path: "/calendar/v2/events/{event_id}" },
      { operation: "delete", method: "DELETE", path: "/calendar/v2/events/{event_id}" },
    ]);
    expect(event.permissions).toEqual({ create: false, update: false, destroy: true });
    expect(event.associations).toEqual([
      {
        name: "event_instances",
        target: "EventInstance",
        path: "/calendar/v2/events/{event_id}/event_instances",
        filters: [{ name: "future", description: "instances from now on" }, { name: "past" }],
      },
    ]);
  });

  it("reports a line that is not a row of its table, at its line", async () => {
    const result = await scrape(`portal-page:${PAGES}/calendar`);
    const file = `${PAGES}/calendar/tag.txt`;
    expect(result.diagnostics.filter((d) => d.code === "PAGE_LINE_NOT_READ").map((d) => [d.severity, d.file, d.line])).toEqual([
      ["warning", file, lineOf(file, "None yet.")],
    ]);
  });

  it("takes the version a page states, and keeps unversioned pages beside dated specs", async () => {
    const result = await scrape(`portal-page:${PAGES}/calendar`, `portal-page:${PAGES}/event.txt`);
    expect(result.specs.map((s) => `${s.app}/${s.version}`)).toEqual(["calendar/2022-07-07", "calendar/unversioned"]);
    const plan = specTreePlan("spec", result, true);
    expect(plan.owns("calendar/2021-07-20.json")).toBe(true);
    // Only a file named as a spec is pruned.
    expect(plan.owns("calendar/notes.json")).toBe(false);
    expect(plan.owns("calendar/2021-07-20.backup.json")).toBe(false);
    const pagesOnly = await scrape(`portal-page:${PAGES}/calendar`);
    const pagePlan = specTreePlan("spec", pagesOnly, true);
    expect(pagePlan.owns("calendar/2021-07-20.json")).toBe(false);
    expect(pagePlan.owns("calendar/legacy.json")).toBe(false);
    expect(pagePlan.owns("calendar/unversioned.json")).toBe(true);
  });
});
