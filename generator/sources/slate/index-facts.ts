/**
 * The API-wide facts of the Slate site's index page: the rate-limit policy and
 * its headers ("Rate limiting"), personal access tokens and OAuth 2 with its
 * URLs, token lifetimes and per-app scopes ("Authentication"), the current
 * user's endpoint ("Current User"), date formats and where-operators ("Dates &
 * Times"), the upload endpoint ("File Uploads") and the error codes ("Errors").
 *
 * Facts are found in the sections' text, lists, code and tables alike, so that
 * a page saved as text, which keeps no markup, gives the same facts.
 */
import { diagnostic, type Diagnostic } from "../../diagnostics.js";
import { relativePath } from "../../spec/paths.js";
import type { ApiFacts } from "../../spec/types.js";
import type { SlateBlock, TableBlock } from "./model.js";
import { unknownTable } from "./report.js";
import { flatten, type Section } from "./outline.js";
import { shapeOfHeader, type TableName } from "./table-shapes.js";

export function readIndexFacts(sections: readonly Section[], diagnostics: Diagnostic[]): ApiFacts {
  const named = (title: string): Section | undefined => sections.flatMap(withSubsections).find((s) => s.heading.text === title);
  const facts: ApiFacts = {};
  const rateLimit = named("Rate limiting");
  if (rateLimit) Object.assign(facts, rateLimitOf(rateLimit, diagnostics));
  const auth = authOf(named("Personal Access Token"), named("OAuth 2.0"), named("Scopes"));
  if (auth) facts.auth = auth;
  const currentUser = urlsIn(blocksOf(named("Current User")))[0];
  if (currentUser) facts.currentUserPath = relativePath(currentUser);
  const upload = uploadOf(named("File Uploads"));
  if (upload) facts.upload = upload;
  const dates = named("Dates & Times");
  const dateFormats = rows(dates, "dateFormats").map(([name = "", format = "", example = ""]) => ({ name, format, example }));
  if (dateFormats.length > 0) facts.dateFormats = dateFormats;
  const operators = rows(dates, "whereOperators").map(([operator = "", usage = "", result = ""]) => ({ operator, usage, result }));
  if (operators.length > 0) facts.whereOperators = operators;
  const errors = rows(named("Errors"), "errors").map(([status = "", title = "", cause = ""]) => ({ status: Number(status), title, cause }));
  if (errors.length > 0) facts.errors = errors;
  for (const section of sections) reportUnknownTables(section, diagnostics);
  return facts;
}

function withSubsections(section: Section): Section[] {
  return [section, ...section.children.flatMap(withSubsections)];
}

function blocksOf(section: Section | undefined): SlateBlock[] {
  return section === undefined ? [] : flatten(section);
}

/** Every piece of text of the blocks: paragraphs, list items, code, table cells. */
function textsOf(blocks: readonly SlateBlock[]): string[] {
  return blocks.flatMap((block) => {
    switch (block.kind) {
      case "heading":
        return [];
      case "list":
        return block.items;
      case "table":
        return block.rows.flatMap((row) => row.cells);
      default:
        return [block.text];
    }
  });
}

const URL = /https?:\/\/[^\s"'`<>()[\]{}]+/g;

function urlsIn(blocks: readonly SlateBlock[]): string[] {
  return textsOf(blocks).flatMap((text) => [...text.matchAll(URL)].map((m) => m[0].replace(/[.,;:]$/, "")));
}

const isPositiveCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 1;

function rateLimitOf(section: Section, diagnostics: Diagnostic[]): Pick<ApiFacts, "rateLimit"> {
  const text = textsOf(flatten(section)).join(" ");
  const policy = /\b(\d+) requests per (\d+) seconds\b/.exec(text);
  const names = text.match(/\bX-[A-Za-z-]+/g) ?? [];
  const header = (suffix: string) => names.find((name) => name.endsWith(`-${suffix}`));
  const headers = {
    limit: header("Limit"),
    period: header("Period"),
    count: header("Count"),
    retryAfter: /\bRetry-After\b/.test(text) ? "Retry-After" : undefined,
  };
  const notRead = (why: string) => {
    diagnostics.push(diagnostic("warning", "SLATE_RATE_LIMIT", `"Rate limiting" ${why}; not read`, section.heading.origin));
    return {};
  };
  if (policy === null || Object.values(headers).some((h) => h === undefined))
    return notRead(`does not state the limit ("N requests per N seconds") and its four headers`);
  const [limit, periodSeconds] = [Number(policy[1]), Number(policy[2])];
  // "0 requests per 0 seconds" would give every client a limiter that never lets a request through.
  if (!isPositiveCount(limit) || !isPositiveCount(periodSeconds))
    return notRead(`states ${policy[0]}, which no client can keep (each number a whole number from 1 to 2^53 − 1)`);
  return {
    rateLimit: {
      limit,
      periodSeconds,
      headers: { limit: headers.limit!, period: headers.period!, count: headers.count!, retryAfter: headers.retryAfter! },
    },
  };
}

function authOf(token: Section | undefined, oauth: Section | undefined, scopes: Section | undefined): ApiFacts["auth"] | undefined {
  const auth: NonNullable<ApiFacts["auth"]> = {};
  // The page links the applications page by its host and path: "api.planningcenteronline.com/oauth/applications".
  const applications = textsOf(blocksOf(token))
    .flatMap((text) => text.split(" "))
    .find((word) => /^(https?:\/\/)?[\w.-]+\/oauth\/applications\.?$/.test(word));
  if (applications) auth.personalAccessToken = { applicationsUrl: withScheme(applications.replace(/\.$/, "")) };
  const urls = urlsIn(blocksOf(oauth)).map((url) => url.split("?")[0]!);
  const authorizeUrl = urls.find((url) => url.endsWith("/oauth/authorize"));
  const tokenUrl = urls.find((url) => url.endsWith("/oauth/token"));
  if (authorizeUrl && tokenUrl) {
    const text = textsOf(blocksOf(oauth)).join(" ");
    const hours = /\bexpire after (\d+) hours?\b/.exec(text)?.[1];
    const years = /\brefresh tokens for up to (\d+) years?\b/.exec(text)?.[1];
    auth.oauth2 = {
      authorizeUrl,
      tokenUrl,
      scopes: rows(scopes, "scopes").map(([app = "", scope = ""]) => ({ app, scope })),
      ...(hours === undefined ? {} : { accessTokenLifetimeSeconds: Number(hours) * 3600 }),
      ...(years === undefined ? {} : { refreshTokenLifetimeDays: Number(years) * 365 }),
    };
  }
  return Object.keys(auth).length === 0 ? undefined : auth;
}

function withScheme(url: string): string {
  return /^https?:\/\//.test(url) ? url : `https://${url}`;
}

/** "curl ... -F 'file=@/path/to/file.png' https://upload.../v2/files": the URL and the form field. */
function uploadOf(section: Section | undefined): ApiFacts["upload"] | undefined {
  for (const block of blocksOf(section)) {
    if (block.kind !== "code") continue;
    const field = /-F '([\w-]+)=@/.exec(block.text)?.[1];
    const url = urlsIn([block])[0];
    if (field !== undefined && url !== undefined) return { url, field };
  }
  return undefined;
}

function rows(section: Section | undefined, shape: TableName): string[][] {
  return blocksOf(section)
    .filter((block): block is TableBlock => block.kind === "table" && shapeOfHeader(block.header)?.name === shape)
    .flatMap((table) => table.rows.map((row) => row.cells));
}

const INDEX_TABLES: readonly TableName[] = ["scopes", "dateFormats", "whereOperators", "errors"];

function reportUnknownTables(section: Section, diagnostics: Diagnostic[]): void {
  for (const block of flatten(section)) {
    if (block.kind === "table" && !INDEX_TABLES.includes(shapeOfHeader(block.header)?.name as TableName)) {
      diagnostics.push(unknownTable(`"${section.heading.text}"`, block));
    }
  }
}
