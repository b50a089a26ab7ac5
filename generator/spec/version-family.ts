/**
 * Dated portal versions, the Slate site's `legacy`, and `unversioned` pages
 * (portal pages that do not say their version) are kept and pruned apart.
 */
export type VersionFamily = "portal" | "legacy" | "page";

export const familyOf = (version: string): VersionFamily =>
  version === "legacy" ? "legacy" : version === "unversioned" ? "page" : "portal";
