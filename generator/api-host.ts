/**
 * The hosts a spec's `baseUrl` may name. Generated clients and OpenAPI
 * documents send credentials to their `baseUrl` by default, so a host taken
 * from the docs must be the documented API host (over HTTPS), or one the user
 * named with `--api-host` (a staging server, a loopback mirror in tests).
 */

export const DOCUMENTED_API_HOST = "api.planningcenteronline.com";

const HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*(?::\d{1,5})?$/;

/** A host as `--api-host` takes it: a name or address, with an optional port, no scheme or path. */
export function isHostName(value: string): boolean {
  return value.length <= 253 && HOST.test(value.toLowerCase());
}

/** Whether a URL's origin may become a spec's baseUrl. */
export function isAllowedApiOrigin(url: string, extraHosts: readonly string[] = []): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== "" || parsed.password !== "") return false;
  if (parsed.host === DOCUMENTED_API_HOST) return parsed.protocol === "https:";
  return (parsed.protocol === "https:" || parsed.protocol === "http:") && extraHosts.some((h) => h.toLowerCase() === parsed.host);
}
