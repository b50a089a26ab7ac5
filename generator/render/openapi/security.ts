/**
 * Authentication as the docs describe it: a personal access token sent with
 * HTTP Basic (application id and secret), or OAuth 2 with the authorization
 * code flow, where each app is a distinct scope.
 */
import { sortedBy } from "../../util/order.js";
import { oauthScopeOf } from "../../spec/api-facts.js";
import type { ApiFacts, Spec } from "../../spec/types.js";
import type { SecurityRequirement, SecurityScheme } from "./model.js";

const BASIC = "personalAccessToken";
const OAUTH2 = "oauth2";

export function securitySchemes(facts: ApiFacts, specs: readonly Pick<Spec, "app" | "title">[]): Record<string, SecurityScheme> {
  const { personalAccessToken, oauth2 } = facts.auth ?? {};
  const schemes: Record<string, SecurityScheme> = {};
  if (oauth2 !== undefined) {
    const scopes = sortedBy(specs, (spec) => oauthScopeOf(spec.app)).map((spec) => [
      oauthScopeOf(spec.app),
      `Access to ${appName(facts, spec)}.`,
    ]);
    schemes[OAUTH2] = {
      type: "oauth2",
      description: oauthDescription(oauth2),
      flows: {
        authorizationCode: { authorizationUrl: oauth2.authorizeUrl, tokenUrl: oauth2.tokenUrl, scopes: Object.fromEntries(scopes) },
      },
    };
  }
  if (personalAccessToken !== undefined) {
    schemes[BASIC] = {
      type: "http",
      scheme: "basic",
      description:
        "A personal access token, for your own account: its application id as the user name and its secret as the password. " +
        `Create one at ${personalAccessToken.applicationsUrl}.`,
    };
  }
  return schemes;
}

function oauthDescription(oauth2: NonNullable<NonNullable<ApiFacts["auth"]>["oauth2"]>): string {
  const sentences = ["OAuth 2.0, for an app that other organizations use."];
  if (oauth2.accessTokenLifetimeSeconds !== undefined)
    sentences.push(`Access tokens expire after ${oauth2.accessTokenLifetimeSeconds / 3600} hours.`);
  if (oauth2.refreshTokenLifetimeDays !== undefined)
    sentences.push(`Refresh tokens are honoured for ${oauth2.refreshTokenLifetimeDays} days.`);
  return sentences.join(" ");
}

/** Either scheme grants access to an app's endpoints; OAuth needs the app's scope. */
export function securityRequirements(facts: ApiFacts, spec: Spec): SecurityRequirement[] {
  const { personalAccessToken, oauth2 } = facts.auth ?? {};
  return [
    ...(personalAccessToken === undefined ? [] : [{ [BASIC]: [] }]),
    ...(oauth2 === undefined ? [] : [{ [OAUTH2]: [oauthScopeOf(spec.app)] }]),
  ];
}

/** The app's name as the docs' scope table writes it (`Check-ins`), else the spec's title. */
function appName(facts: ApiFacts, spec: Pick<Spec, "app" | "title">): string {
  const scope = oauthScopeOf(spec.app);
  return facts.auth?.oauth2?.scopes.find((s) => s.scope === scope)?.app ?? spec.title;
}
