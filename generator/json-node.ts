/**
 * A read-only cursor over parsed JSON that remembers where it is, so that a
 * reader can say "this value, at this pointer" in a diagnostic. Accessors never
 * throw: a missing or mistyped value reads as undefined.
 */
export type JsonPath = readonly (string | number)[];

export class JsonNode {
  constructor(
    readonly value: unknown,
    readonly path: JsonPath = [],
  ) {}

  get exists(): boolean {
    return this.value !== undefined;
  }

  get isRecord(): boolean {
    return isRecord(this.value);
  }

  has(key: string): boolean {
    return isRecord(this.value) && Object.hasOwn(this.value, key);
  }

  get(key: string): JsonNode {
    const value = isRecord(this.value) && Object.hasOwn(this.value, key) ? this.value[key] : undefined;
    return new JsonNode(value, [...this.path, key]);
  }

  /** Elements of an array value; none for anything else. */
  elements(): JsonNode[] {
    return Array.isArray(this.value) ? this.value.map((value, i) => new JsonNode(value, [...this.path, i])) : [];
  }

  keys(): string[] {
    return isRecord(this.value) ? Object.keys(this.value) : [];
  }

  string(): string | undefined {
    return typeof this.value === "string" ? this.value : undefined;
  }

  /** A string with surrounding whitespace removed; empty reads as undefined. */
  text(): string | undefined {
    const trimmed = this.string()?.trim();
    return trimmed === "" ? undefined : trimmed;
  }

  boolean(): boolean | undefined {
    return typeof this.value === "boolean" ? this.value : undefined;
  }

  number(): number | undefined {
    return typeof this.value === "number" && Number.isFinite(this.value) ? this.value : undefined;
  }

  strings(): string[] {
    return this.elements().flatMap((e) => e.string() ?? []);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
