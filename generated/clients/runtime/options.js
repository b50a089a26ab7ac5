// Copied by `npm run generate` from templates/runtime/options.ts. Do not edit.
/** How a client is configured, and the defaults each generated client takes from its spec. */
export {};
