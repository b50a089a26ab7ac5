/**
 * The security schemes an official document declares: OAuth 2 (authorization
 * code, with the app's scopes) and HTTP Basic with a personal access token.
 * Any other scheme is reported, not dropped.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import type { Security } from "../../spec/types.js";
import { child, entries, pointerOf, text, type Node } from "./openapi-node.js";

export function securityOf(root: Node, file: string, diagnostics: Diagnostic[]): Security | undefined {
  const security: Security = {};
  for (const [name, scheme] of entries(child(child(root, "components"), "securitySchemes"))) {
    const type = text(child(scheme, "type"));
    const flow = child(child(scheme, "flows"), "authorizationCode");
    const authorizationUrl = text(child(flow, "authorizationUrl"));
    const tokenUrl = text(child(flow, "tokenUrl"));
    const refreshUrl = text(child(flow, "refreshUrl"));
    if (type === "oauth2" && authorizationUrl !== undefined && tokenUrl !== undefined) {
      const scopes = entries(child(flow, "scopes")).map(([scope]) => scope);
      security.oauth2 = { authorizationUrl, tokenUrl, ...(refreshUrl === undefined ? {} : { refreshUrl }), scopes };
    } else if (type === "http" && text(child(scheme, "scheme"))?.toLowerCase() === "basic") {
      security.personalAccessToken = true;
    } else {
      diagnostics.push(
        diagnostic(
          "warning",
          "OPENAPI_UNMAPPED_SECURITY",
          `the security scheme ${name} is neither OAuth 2 with an authorization code nor HTTP Basic; skipped`,
          { file, pointer: pointerOf(scheme) },
        ),
      );
    }
  }
  return Object.keys(security).length === 0 ? undefined : security;
}
