/**
 * A hand-written spec shaped like the legacy Slate ones (no resource paths, no
 * examples, no paging limits, no assignable-attribute lists), with the names
 * and references the docs get wrong.
 */
import type { Resource, Spec } from "../../generator/spec/types.js";
import { resource as baseResource } from "../helpers/spec-builder.js";

/** A resource with an id and a name, as every Slate example object has. */
function resource(type: string, id: string, extra: Partial<Resource> = {}): Resource {
  const named: Resource["attributes"] = [
    { name: "id", type: "primary_key" },
    { name: "name", type: "string" },
  ];
  return baseResource(type, { id, attributes: named, ...extra });
}

export const LEGACY: Spec = {
  specVersion: 1,
  app: "resources",
  version: "legacy",
  title: "PCO Resources",
  baseUrl: "https://api.planningcenteronline.com",
  source: { format: "slate-markdown", location: "docs/slate/source" },
  resources: [
    resource("Folder", "folder", {
      relationships: [
        { name: "parent", target: "Folder", toMany: false },
        { name: "mystery", target: "Mystery", toMany: false },
      ],
      associations: [{ name: "rooms", target: "Room", path: "/resources/v2/folders/{folder_id}/rooms", filters: [] }],
      endpoints: [
        { operation: "list", method: "GET", path: "/resources/v2/folders" },
        { operation: "get", method: "GET", path: "/resources/v2/folders/{folder_id}" },
        { operation: "create", method: "POST", path: "/resources/v2/folders" },
        { operation: "update", method: "PATCH", path: "/resources/v2/folders/{folder_id}" },
      ],
      query: { where: [{ name: "name", type: "string" }], order: ["name"], include: ["ghost", "rooms"] },
      permissions: { create: true, update: true, destroy: false },
    }),
    resource("Room", "Odd/Name", {
      relationships: [{ name: "folder", target: "Folder", toMany: false }],
      endpoints: [
        { operation: "list", method: "GET", path: "/resources/v2/rooms" },
        { operation: "create", method: "POST", path: "/resources/v2/folders/{folder_id}/rooms" },
      ],
      permissions: { create: true, update: false, destroy: false },
    }),
    resource("Shelf", "thing"),
    resource("Thing", "Thing"),
  ],
};
