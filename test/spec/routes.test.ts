/**
 * The routes the API serves beyond the documented ones, one rule per test, on
 * small hand-written specs.
 */
import { describe, expect, it } from "vitest";
import { withServedRoutes } from "../../generator/spec/routes.js";
import type { Resource, Spec } from "../../generator/spec/types.js";
import { resource, spec } from "../helpers/spec-builder.js";

const routes = (s: Spec, type: string) =>
  s.resources.find((r) => r.type === type)!.endpoints.map((e) => `${e.method} ${e.path}${e.via ? ` via ${e.via.resource}.${e.via.association}` : ""}`);

const organization = (associations: Resource["associations"]) =>
  resource("Organization", { path: "/people/v2", endpoints: [{ operation: "get", method: "GET", path: "/people/v2" }], associations });

const person = resource("Person", {
  path: "/people/v2/people",
  endpoints: [
    { operation: "list", method: "GET", path: "/people/v2/people" },
    { operation: "get", method: "GET", path: "/people/v2/people/{person_id}" },
  ],
  associations: [{ name: "phone_numbers", target: "PhoneNumber", path: "/people/v2/people/{person_id}/phone_numbers", filters: [] }],
});

describe("served routes", () => {
  it("serves each record of an association by id, with the methods the target permits", () => {
    const phone = resource("PhoneNumber", { permissions: { create: false, update: true, destroy: true } });
    const served = withServedRoutes(spec([organization([]), person, phone]));
    expect(routes(served, "PhoneNumber")).toEqual([
      "GET /people/v2/people/{person_id}/phone_numbers/{phone_number_id} via Person.phone_numbers",
      "PATCH /people/v2/people/{person_id}/phone_numbers/{phone_number_id} via Person.phone_numbers",
      "DELETE /people/v2/people/{person_id}/phone_numbers/{phone_number_id} via Person.phone_numbers",
    ]);
  });

  it("gives a record that is only ever listed no route by id", () => {
    const phone = resource("PhoneNumber", { collectionOnly: true, permissions: { create: false, update: true, destroy: true } });
    expect(routes(withServedRoutes(spec([organization([]), person, phone])), "PhoneNumber")).toEqual([]);
  });

  it("never repeats a documented route, whatever its parameter names", () => {
    const phone = resource("PhoneNumber", {
      endpoints: [{ operation: "get", method: "GET", path: "/people/v2/people/{id}/phone_numbers/{phone_id}" }],
    });
    expect(routes(withServedRoutes(spec([organization([]), person, phone])), "PhoneNumber")).toEqual([
      "GET /people/v2/people/{id}/phone_numbers/{phone_id} via Person.phone_numbers",
    ]);
  });

  it("serves a resource no association of the root reaches under the first association that does", () => {
    const location = resource("Location", {
      path: "/people/v2/locations",
      associations: [{ name: "owner", target: "Person", path: "/people/v2/locations/{location_id}/owner", filters: [] }],
    });
    const event = resource("Event", {
      path: "/people/v2/events",
      associations: [{ name: "location", target: "Location", path: "/people/v2/events/{event_id}/location", filters: [] }],
    });
    const group = resource("Group", {
      path: "/people/v2/groups",
      associations: [{ name: "location", target: "Location", path: "/people/v2/groups/{group_id}/location", filters: [] }],
    });
    const root = organization([
      { name: "events", target: "Event", path: "/people/v2/events", filters: [] },
      { name: "groups", target: "Group", path: "/people/v2/groups", filters: [] },
    ]);
    const served = withServedRoutes(spec([root, person, location, event, group]));
    expect(routes(served, "Person").filter((r) => r.includes("/location/"))).toEqual([
      "GET /people/v2/events/{event_id}/location/{location_id}/owner via Location.owner",
      "GET /people/v2/events/{event_id}/location/{location_id}/owner/{person_id} via Location.owner",
    ]);
  });

  it("serves /me as the current Person, and only where the app has a root and a Person", () => {
    const served = withServedRoutes(spec([organization([]), person]));
    expect(served.resources.find((r) => r.type === "Person")!.endpoints.filter((e) => e.currentUser)).toEqual([
      { operation: "get", method: "GET", path: "/people/v2/me", currentUser: true },
    ]);
    const rootless = withServedRoutes(spec([person]));
    expect(rootless.resources[0]!.endpoints.some((e) => e.currentUser)).toBe(false);
  });

  it("names the association of a documented endpoint away from the resource's own path", () => {
    const phone = resource("PhoneNumber", {
      path: "/people/v2/phone_numbers",
      endpoints: [
        { operation: "list", method: "GET", path: "/people/v2/phone_numbers" },
        { operation: "create", method: "POST", path: "/people/v2/people/{person_id}/phone_numbers" },
      ],
    });
    const served = withServedRoutes(spec([organization([]), person, phone]));
    expect(routes(served, "PhoneNumber").filter((r) => !r.includes("{phone_number_id}"))).toEqual([
      "GET /people/v2/phone_numbers",
      "POST /people/v2/people/{person_id}/phone_numbers via Person.phone_numbers",
    ]);
  });
});
