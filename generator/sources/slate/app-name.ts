/**
 * The Slate site names an app by its URL segment of 2017 (`check_ins`); the
 * API has since named it `check-ins`. The site's pages are that app's `legacy`
 * version, not another app, so its spec is filed under today's name. Paths
 * keep the segment the site documents.
 */
const RENAMED: Readonly<Record<string, string>> = { check_ins: "check-ins" };

export function currentAppName(segment: string): string {
  return Object.hasOwn(RENAMED, segment) ? RENAMED[segment]! : segment;
}
