/**
 * Credentials the mock server accepts when it is given some: an application
 * id and secret sent with HTTP Basic (a personal access token, as the docs
 * describe), or an OAuth access token sent as `Bearer` (by default the secret
 * itself, since the mock issues no tokens).
 */
import { createHash, timingSafeEqual } from "node:crypto";

export interface MockAuth {
  /** The application id of a personal access token, as the clients call it. */
  appId: string;
  secret: string;
  /** The Bearer token accepted; the secret when not given. */
  accessToken?: string;
}

export function isAuthorized(header: string | undefined, auth: MockAuth): boolean {
  const match = /^(Basic|Bearer)\s+(\S+)\s*$/i.exec(header ?? "");
  if (match === null) return false;
  if (match[1]!.toLowerCase() === "bearer") return sameText(match[2]!, auth.accessToken ?? auth.secret);
  return sameText(Buffer.from(match[2]!, "base64").toString("utf8"), `${auth.appId}:${auth.secret}`);
}

/** `appId:secret`, split at the first colon. */
export function parseAuth(text: string): MockAuth | undefined {
  const colon = text.indexOf(":");
  if (colon <= 0 || colon === text.length - 1) return undefined;
  return { appId: text.slice(0, colon), secret: text.slice(colon + 1) };
}

/** Compares in constant time, so that response times do not leak how much of a secret was right. */
function sameText(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
