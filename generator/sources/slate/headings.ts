/**
 * The headings of a Slate resource section, by their words. Slate headings are
 * generated: `### List Addresses`, `### Get a single Address`, `### Delete a
 * Plan` or `### Delete an Address`, `#### HTTP Request`... The page-text
 * front-end, which has no `#` to go by, knows headings by these same words.
 */

export type OperationKind = "list" | "get" | "create" | "update" | "delete" | "associations" | "actions";

export interface OperationHeading {
  kind: OperationKind;
  /** The resource as the heading names it: `Addresses`, `Workflow Step`. */
  noun: string;
}

const OPERATION_PREFIXES: readonly (readonly [string, OperationKind])[] = [
  ["List ", "list"],
  ["Get a single ", "get"],
  ["Create a new ", "create"],
  ["Update an existing ", "update"],
  ["Delete an ", "delete"],
  ["Delete a ", "delete"],
  ["Associations for an ", "associations"],
  ["Associations for a ", "associations"],
  ["Actions for an ", "actions"],
  ["Actions for a ", "actions"],
];

export function operationHeading(text: string): OperationHeading | undefined {
  for (const [prefix, kind] of OPERATION_PREFIXES) {
    if (text.startsWith(prefix) && text.length > prefix.length && !text.includes(":")) {
      return { kind, noun: text.slice(prefix.length) };
    }
  }
  return undefined;
}

/** `###` sections of a resource that are not operations. */
export const RESOURCE_PARTS = ["Relationships", "Attribute Info"] as const;

/** `####` sections of an operation, besides an action's own name. */
export const OPERATION_PARTS = ["HTTP Request", "URL Parameters", "Resource Attributes", "Included Resources", "Notes"] as const;

/** `#####` inside "Included Resources": the included resource's relationships. */
export const INCLUDED_PARTS = ["Relationships"] as const;

/** The `#` sections of the site's index page and its errors include, which hold API-wide facts or none. */
export const INDEX_SECTIONS = [
  "Introduction",
  "Rate limiting",
  "Authentication",
  "JSON API",
  "Dates & Times",
  "File Uploads",
  "Libraries",
  "Errors",
] as const;

/** The resource heading names the resource an operation heading names (`AttendanceTypes` ↔ `Attendance Type`). */
export function nounKey(text: string): string {
  return text.replace(/ /g, "").toLowerCase();
}
