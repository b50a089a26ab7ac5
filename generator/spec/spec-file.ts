/** Spec files are exactly `<app>/<version>.json`; anything else in the folder is not a spec. */
export const SPEC_FILE = /^[^/]+\/[^/]+\.json$/;

/**
 * The most a spec file may hold: 32 MiB, a hundred times the largest spec of
 * the whole API. A larger file is not a spec, and reading and parsing it would
 * take gigabytes and minutes.
 */
export const MAX_SPEC_BYTES = 32 * 1024 * 1024;
