/** The runtime every generated client shares. */
export { connect, type Member, type Routes } from "./client.js";
export { PcoError, type ErrorObject } from "./errors.js";
export type { ApiDefaults, ClientOptions, OAuthToken, PersonalAccessToken, RefreshedTokens, } from "./options.js";
export type * from "./types.js";
