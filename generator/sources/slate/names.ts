/** Names the docs imply: a resource's id from its type, an app from its URLs. */
import { relativePath } from "../../spec/paths.js";

/** `PlanPersonTime` → `plan_person_time`, `HTTPThing` → `http_thing`: the docs' resource ids. */
export function snakeCase(type: string): string {
  let out = "";
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    const upper = c >= "A" && c <= "Z";
    const before = type[i - 1];
    const after = type[i + 1];
    const boundary =
      upper &&
      before !== undefined &&
      ((before >= "a" && before <= "z") ||
        (before >= "0" && before <= "9") ||
        (before >= "A" && before <= "Z" && after !== undefined && after >= "a" && after <= "z"));
    out += (boundary ? "_" : "") + c.toLowerCase();
  }
  return out;
}

/** The app of an endpoint URL, its first path segment: `https://api.x.com/people/v2/...` → `people`. */
export function appSegmentOf(url: string): string | undefined {
  return relativePath(url).split("/")[1] || undefined;
}
