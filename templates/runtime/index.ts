/** The runtime every generated client shares. */
export { connect, type Member, type Route } from "./client.js";
export { PcoError, type ErrorObject } from "./errors.js";
export type {
  ApiDefaults,
  ClientOptions,
  OAuthToken,
  PersonalAccessToken,
  RefreshedTokens,
} from "./options.js";
export type * from "./types.js";
// Top-level functions of modules of their own: a bundler drops them from programs that do not call them.
export {
  AUTHORIZE_URL,
  authorizeUrl,
  codeFromRedirect,
  exchangeCode,
  TOKEN_URL,
  type AuthorizeRequest,
  type CodeExchange,
  type TokenSet,
} from "./oauth.js";
export {
  AUTHENTICITY_HEADER,
  recentEventIds,
  verifyWebhook,
  WebhookError,
  type ChangedEvent,
  type DestroyedEvent,
  type RawBody,
  type SeenEvents,
  type VerifyOptions,
  type WebhookAction,
  type WebhookEvent,
  type WebhookFailure,
  type WebhookHeaders,
} from "./webhooks.js";
