/** The runtime every generated client shares. */
export { connect } from "./client.js";
export type { Member, Routes } from "./routes.js";
export { PcoError, type ErrorObject } from "./errors.js";
export type {
  ApiDefaults,
  ClientOptions,
  OAuthToken,
  PersonalAccessToken,
  RefreshedTokens,
} from "./options.js";
export type * from "./types.js";
