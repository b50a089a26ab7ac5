// Copied by `npm run generate` from templates/runtime/index.ts. Do not edit.
/** The runtime every generated client shares. */
export { connect, type Member, type Routes } from "./client.js";
export { PcoError, type ErrorObject } from "./errors.js";
export type {
  ApiDefaults,
  ClientOptions,
  OAuthToken,
  PersonalAccessToken,
  RefreshedTokens,
} from "./options.js";
export type * from "./types.js";
