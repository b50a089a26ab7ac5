/**
 * The docs' examples as OpenAPI examples. Spectral's example rules descend
 * into example values and take any object holding both `type` and `default`
 * for a schema (Services' ReportTemplate has attributes named so), then report
 * the docs' example as invalid against that "schema". Such an example is left
 * out; every other is kept as the docs wrote it.
 */
export function docsExample(value: unknown): Record<string, unknown> | undefined {
  return isObject(value) && !looksLikeSchema(value) ? value : undefined;
}

function looksLikeSchema(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(looksLikeSchema);
  if (!isObject(value)) return false;
  return ("type" in value && "default" in value) || Object.values(value).some(looksLikeSchema);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
