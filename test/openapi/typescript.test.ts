/**
 * openapi-typescript generates types from every document without error, and
 * one strict tsc run accepts them all, with a program that uses them: what
 * fits the docs compiles, and what does not (the `@ts-expect-error` lines)
 * does not.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, expect, it } from "vitest";
import { allDocuments } from "./documents.js";

const folder = mkdtempSync(path.join(tmpdir(), "pco-openapi-ts-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const USAGE = `
import type { components, operations, paths } from "./webhooks-2022-10-20.js";

type Subscription = components["schemas"]["WebhookSubscription"];
type Page = paths["/webhooks/v2/webhook_subscriptions"]["get"]["responses"]["200"]["content"]["application/vnd.api+json"];
type Create = NonNullable<paths["/webhooks/v2/webhook_subscriptions"]["post"]["requestBody"]>["content"]["application/vnd.api+json"];
type Query = NonNullable<operations["listWebhookSubscriptions"]["parameters"]["query"]>;

export const page: Page = {
  data: [{ type: "WebhookSubscription", id: "1", attributes: { name: "n", active: true, created_at: null } }],
  links: { self: "https://api.planningcenteronline.com/webhooks/v2/webhook_subscriptions", next: "..." },
  meta: { total_count: 30, count: 25, next: { offset: 25 } },
};
export const create: Create = { data: { type: "WebhookSubscription", attributes: { name: "n", url: "https://example.com", active: true } } };
export const query: Query = { "where[application_id]": "1", per_page: 100, offset: 25 };
export const id: string = page.data[0]!.id;

// @ts-expect-error: ids are strings
export const numericId: Subscription = { type: "WebhookSubscription", id: 1 };
// @ts-expect-error: the type is the resource's own
export const otherType: Subscription = { type: "Event", id: "1" };
// @ts-expect-error: active is a boolean
export const wrongAttribute: Subscription = { type: "WebhookSubscription", id: "1", attributes: { active: "yes" } };
// @ts-expect-error: created_at is not assignable
export const readOnly: Create = { data: { type: "WebhookSubscription", attributes: { created_at: "2000-01-01T12:00:00Z" } } };
// @ts-expect-error: a create body names its type
export const untyped: Create = { data: { attributes: { name: "n" } } };
// @ts-expect-error: where[...] names a documented attribute
export const unknownWhere: Query = { "where[name]": "n" };
`;

it("generates types for every document that strict tsc accepts", async () => {
  const documents = await allDocuments();
  const files: string[] = [];
  for (const d of documents) {
    const file = path.join(folder, path.basename(d.path).replace(/\.json$/, ".ts"));
    writeFileSync(file, astToString(await openapiTS(structuredClone(d.document) as never)));
    files.push(file);
  }
  const usage = path.join(folder, "usage.ts");
  writeFileSync(usage, USAGE);

  const program = ts.createProgram([...files, usage], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noUncheckedIndexedAccess: true,
    types: [],
  });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${path.basename(d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
  expect(problems).toEqual([]);
  expect(files).toHaveLength(documents.length);
});
