/**
 * A pure function of one string, remembered: the renderers ask for the same
 * path's shape or word's plural thousands of times per spec. The memory is
 * bounded: past `limit` answers it starts again, so a hostile spec with
 * millions of distinct paths costs time, not memory.
 */
export function memoized<T>(compute: (key: string) => T, limit = 50_000): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    const hit = known.get(key);
    if (hit !== undefined || known.has(key)) return hit as T;
    if (known.size >= limit) known.clear();
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}
