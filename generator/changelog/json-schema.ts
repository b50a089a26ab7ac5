/**
 * The JSON Schema of `--format json`: the contract for tools that read
 * changelogs. A field's meaning never changes within a `changelogVersion`;
 * new optional fields may appear.
 */
import { CHANGE_ACTIONS, CHANGE_CLASSES, SUBJECTS } from "../diff/change.js";
import { CHANGELOG_VERSION } from "./json.js";

const summary = {
  type: "object",
  description: "How many changes of each class are listed.",
  required: [...CHANGE_CLASSES],
  additionalProperties: false,
  properties: Object.fromEntries(CHANGE_CLASSES.map((c) => [c, { type: "integer", minimum: 0 }])),
} as const;

const value = {
  description: "A name, a flag, a number, a list of names, or an object such as a page size {min, max, default}.",
  anyOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }, { type: "array", items: { type: "string" } }, { type: "object" }],
} as const;

const change = {
  type: "object",
  required: ["class", "subject", "action", "name", "message"],
  additionalProperties: false,
  properties: {
    class: { enum: [...CHANGE_CLASSES], description: "breaking, additive, or docs (prose only)." },
    subject: { enum: [...SUBJECTS], description: "What kind of thing changed." },
    action: { enum: [...CHANGE_ACTIONS] },
    name: { type: "string", description: "Its name: an attribute, `GET /path`, a version, `create`..." },
    within: {
      type: "object",
      description: "What holds it, e.g. the association a filter belongs to.",
      required: ["subject", "name"],
      additionalProperties: false,
      properties: { subject: { enum: [...SUBJECTS] }, name: { type: "string" } },
    },
    field: { type: "string", description: "For a change: which property changed (type, description, path...)." },
    before: value,
    after: value,
    message: { type: "string", description: "The change in one English sentence." },
  },
} as const;

export const CHANGELOG_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "pco-codegen changelog",
  type: "object",
  required: ["changelogVersion", "from", "to", "includesDocs", "docsHidden", "summary", "apps"],
  additionalProperties: false,
  properties: {
    changelogVersion: { const: CHANGELOG_VERSION },
    from: { type: "string", description: "The older side as named on the command line: a spec file or folder, or a source." },
    to: { type: "string" },
    includesDocs: { type: "boolean", description: "Whether docs-only changes are listed (--docs)." },
    docsHidden: { type: "integer", minimum: 0, description: "Docs-only changes found but not listed." },
    summary,
    apps: {
      type: "array",
      description: "One entry per app-version compared, unchanged ones included.",
      items: {
        type: "object",
        required: ["app", "before", "after", "summary", "changes", "resources"],
        additionalProperties: false,
        properties: {
          app: { type: "string" },
          before: {
            anyOf: [{ type: "string" }, { type: "null" }],
            description: "The version on the older side; null when only the newer side has the app-version.",
          },
          after: { anyOf: [{ type: "string" }, { type: "null" }], description: "The version on the newer side; null when it is gone." },
          summary,
          changes: { type: "array", description: "Changes to the app-version itself.", items: change },
          resources: {
            type: "array",
            items: {
              type: "object",
              required: ["type", "status", "changes"],
              additionalProperties: false,
              properties: {
                type: { type: "string", description: "The JSON:API type." },
                status: { enum: ["added", "removed", "changed"] },
                changes: { type: "array", items: change },
              },
            },
          },
        },
      },
    },
  },
} as const;
