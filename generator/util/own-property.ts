/**
 * Names from the docs and from request bodies become object keys. Assigning
 * one named `__proto__` (with `=` or Object.assign) would replace the object's
 * prototype and lose the value; defining it makes it the object's own, like
 * any other name.
 */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Every own property of `source` defined on `target`: Object.assign, without the `__proto__` setter. */
export function assignOwn(target: object, source: object): void {
  for (const [key, value] of Object.entries(source)) setOwn(target, key, value);
}
