/**
 * The portal page's endpoint sections, by title, and the operation each
 * documents: the same in the page as text and as markdown.
 */
import type { HttpMethod, Operation } from "../../spec/types.js";

export interface EndpointGroup {
  operation: Operation;
  method: HttpMethod;
}

export const ENDPOINT_GROUPS: Readonly<Record<string, EndpointGroup>> = {
  Listing: { operation: "list", method: "GET" },
  Reading: { operation: "get", method: "GET" },
  Creating: { operation: "create", method: "POST" },
  Updating: { operation: "update", method: "PATCH" },
  Deleting: { operation: "delete", method: "DELETE" },
};
