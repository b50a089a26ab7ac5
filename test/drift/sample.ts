/**
 * A small before/after pair with one change of each kind the changelog
 * formats must render: resources added and removed, breaking, additive and
 * docs changes, filters, permissions with their endpoints, paging, a new
 * version beside the old one.
 */
import type { Spec } from "../../generator/spec/types.js";
import { resource, spec } from "./spec-builder.js";

export const sampleBefore: Spec[] = [
  spec([
    resource("Address", {
      description: "A postal address.",
      attributes: [
        { name: "id", type: "primary_key" },
        { name: "street", type: "string" },
        { name: "zip", type: "integer" },
      ],
      endpoints: [{ operation: "list", method: "GET", path: "/people/v2/people/1/addresses" }],
      query: { where: [{ name: "zip", type: "integer" }], order: ["street"], include: [], perPage: { min: 1, max: 100, default: 25 } },
    }),
    resource("AnniversaryCouples"),
    resource("Person", {
      associations: [{ name: "emails", target: "Email", path: "/people/v2/people/1/emails", filters: [{ name: "primary" }] }],
      permissions: { create: true, update: false, destroy: false },
      endpoints: [{ operation: "create", method: "POST", path: "/people/v2/people" }],
    }),
  ]),
  spec([resource("Delivery")], { app: "webhooks", version: "2022-10-20", title: "Planning Center Webhooks" }),
];

export const sampleAfter: Spec[] = [
  spec([
    resource("Address", {
      description: "A postal address, `street_line_1` and `street_line_2` replacing `street`.",
      attributes: [
        { name: "id", type: "primary_key" },
        { name: "street_line_1", type: "string" },
        { name: "zip", type: "string" },
      ],
      endpoints: [{ operation: "list", method: "GET", path: "/people/v2/people/{person_id}/addresses" }],
      query: { where: [{ name: "zip", type: "string" }], order: ["street_line_1"], include: [], perPage: { min: 1, max: 50, default: 25 } },
    }),
    resource("BackgroundCheck", { deprecated: false }),
    resource("Person", {
      associations: [
        {
          name: "emails",
          target: "Email",
          path: "/people/v2/people/{person_id}/emails",
          filters: [{ name: "primary" }, { name: "verified" }],
          deprecated: true,
        },
      ],
      permissions: { create: false, update: true, destroy: false, updateAttributes: ["name"] },
      endpoints: [{ operation: "update", method: "PATCH", path: "/people/v2/people/{person_id}" }],
    }),
  ]),
  spec([resource("Delivery")], { app: "webhooks", version: "2022-10-20", title: "Planning Center Webhooks" }),
  spec([resource("Delivery")], { app: "webhooks", version: "2026-01-01", title: "Planning Center Webhooks" }),
];
