// Copied by `npm run generate` from templates/runtime/types.ts. Do not edit.
/**
 * The types every generated client is built from. A generated client describes
 * each resource type once (a `Def`: its record, includes, where, order, fields
 * and assignable attributes) and composes its handles from the small generic
 * interfaces below, so that the compiler instantiates only what a program uses.
 */
export {};
