/**
 * Appends items to an array one by one. `target.push(...items)` passes each
 * item as an argument on the stack, and past about a hundred thousand of them
 * (the warnings of one damaged document can be that many) V8 throws a
 * RangeError instead of appending.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
