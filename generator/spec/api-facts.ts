/**
 * The API-wide facts as the Slate site's index page states them (its
 * "Rate limiting", "Authentication", "Scopes", "Current User", "Dates & Times"
 * and "File Uploads" sections). A spec read from the docs carries its own
 * `api` when its sources gave one; renderers fall back to these where a spec
 * has none, since the portal's vertex documents never restate them.
 */
import type { ApiFacts, Spec } from "./types.js";

export const DOCUMENTED_API_FACTS: ApiFacts = {
  rateLimit: {
    limit: 100,
    periodSeconds: 20,
    headers: {
      limit: "X-PCO-API-Request-Rate-Limit",
      period: "X-PCO-API-Request-Rate-Period",
      count: "X-PCO-API-Request-Rate-Count",
      retryAfter: "Retry-After",
    },
  },
  auth: {
    personalAccessToken: { applicationsUrl: "https://api.planningcenteronline.com/oauth/applications" },
    oauth2: {
      authorizeUrl: "https://api.planningcenteronline.com/oauth/authorize",
      tokenUrl: "https://api.planningcenteronline.com/oauth/token",
      scopes: [
        { app: "Check-ins", scope: "check_ins" },
        { app: "Giving", scope: "giving" },
        { app: "People", scope: "people" },
        { app: "Services", scope: "services" },
      ],
      accessTokenLifetimeSeconds: 7200,
      refreshTokenLifetimeDays: 365,
    },
  },
  currentUserPath: "/people/v2/me",
  upload: { url: "https://upload.planningcenteronline.com/v2/files", field: "file" },
  dateFormats: [
    { name: "date", format: "YYYY-MM-DD", example: "2015-05-05" },
    { name: "date and time", format: "YYYY-MM-DDTHH:MM:SSZ", example: "2015-05-05T22:40:07Z" },
  ],
};

export function apiFactsOf(spec: Pick<Spec, "api">): ApiFacts {
  return spec.api ?? DOCUMENTED_API_FACTS;
}

/** Whether two sets of API-wide facts say the same. */
export const sameApiFacts = (a: ApiFacts, b: ApiFacts): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The OAuth scope of an app. The docs: "Each PCO app is a distinct OAuth scope",
 * named like the app's URL segment with underscores (`check-ins` → `check_ins`).
 */
export function oauthScopeOf(app: string): string {
  return app.replace(/-/g, "_");
}
