// Copied by `npm run generate` from templates/runtime/index.ts. Do not edit.
/** The runtime every generated client shares. */
export { connect } from "./client.js";
export { PcoError } from "./errors.js";
