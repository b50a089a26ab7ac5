/** Spec files are exactly `<app>/<version>.json`; anything else in the folder is not a spec. */
export const SPEC_FILE = /^[^/]+\/[^/]+\.json$/;
