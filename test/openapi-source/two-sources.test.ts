/**
 * groups 2023-07-10 and webhooks 2022-10-20 are described twice: by the
 * documentation API (portal/captured-2025-07) and by the official OpenAPI
 * document. The spec of both holds every operation of the official document,
 * and every disagreement of the two is a diagnostic; each is listed here with
 * its reason.
 */
import { beforeAll, expect, it } from "vitest";
import { collectSpecs, type ScrapeResult } from "../../generator/scrape.js";
import { parseSourceOperand } from "../../generator/sources/source-operand.js";
import { corpusPath, describeCorpus } from "../helpers/corpus.js";
import { OFFICIAL_FOLDER, recount, shapeOf } from "./official-documents.js";

const PORTAL = corpusPath("portal", "captured-2025-07");
const OPENAPI = corpusPath(...OFFICIAL_FOLDER);

/** A disagreement's message with both sources' locations shortened to P (documentation API) and O (OpenAPI). */
const short = (message: string) => message.replaceAll(PORTAL, "P").replace(/\S+\/open_api\/\S+\.json/g, "O");

/**
 * Disagreements of value: the documentation API's is written (see
 * docs/spec-openapi-source.md), and why the two differ.
 */
const CONFLICTS: [message: string, reason: string][] = [
  ["Group.header_image is typed hash by P and string by O; hash is written", "the OpenAPI document types an object of URLs as a string"],
  ["Group.widget_status is typed hash by P and string by O; hash is written", "the OpenAPI document types an object as a string"],
  [
    "Location.group leads to Group at https://api.planningcenteronline.com/groups/v2/locations/{location_id}/group in P and to Group at /groups/v2/events/{event_id}/location/{location_id}/group in O; the first is written",
    "the OpenAPI document has no top-level /locations: it reaches a Location only through events and groups",
  ],
  [
    "Tag.groups leads to Group at https://api.planningcenteronline.com/groups/v2/tags/{tag_id}/groups in P and to Group at /groups/v2/groups/{group_id}/tags/{tag_id}/groups in O; the first is written",
    "the OpenAPI document has no top-level /tags: it reaches a Tag only through groups and tag groups",
  ],
];

/** Facts one source gives and the other does not. */
const ONE_SIDED: [message: string, reason: string][] = [
  [
    "the resource RSVP is documented by O only, not by P",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the Group attribute archive_status is documented by O only",
    "a query-only attribute the documentation API lists as a where clause only",
  ],
  [
    "the Group attribute can_create_conversation_reason_code is documented by O only",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the Group attribute description_as_plain_text is documented by O only",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the Group attribute direct_messages_enabled is documented by O only",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the Group attribute events_listed is documented by O only",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the Group attribute listed is documented by O only",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the GroupType attribute public_church_center_web_url is documented by O only",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the Event attribute image is documented by O only",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the Person attribute gender is documented by O only",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the Group action duplicate is documented by O only",
    "in the OpenAPI document served in 2026, not in the documentation API captured in 2025",
  ],
  [
    "the Group association my_membership is documented by O only",
    "the current person's membership, a route the documentation API does not list",
  ],
  ["the Event association rsvps is documented by O only", "the RSVP resource is in the OpenAPI document only"],
  ["the Organization association me is documented by O only", "/me, which the documentation API does not list"],
  [
    "the Event relationship subscription is documented by P only",
    "in the OpenAPI document its target type is missing (a warning of its own)",
  ],
  ["the Attendance association person is documented by P only", "the OpenAPI document reaches the person only under an event's attendance"],
  ["the EventNote association owner is documented by P only", "the OpenAPI document reaches the owner only under an event's note"],
  [
    "the Campus where id is typed primary_key by P and string by O; primary_key is written",
    "OpenAPI has no primary-key type: ids are strings",
  ],
  [
    "the GroupType where id is typed primary_key by P and string by O; primary_key is written",
    "OpenAPI has no primary-key type: ids are strings",
  ],
  [
    "the Tag where id is typed primary_key by P and string by O; primary_key is written",
    "OpenAPI has no primary-key type: ids are strings",
  ],
  ["Organization: GET /groups/v2 is documented by P only", "the OpenAPI document has no operation at the app's root"],
  ["Organization: GET /webhooks/v2 is documented by P only", "the OpenAPI document has no operation at the app's root"],
  [
    "Enrollment: GET /groups/v2/groups/{group_id}/enrollment/{enrollment_id} is documented by P only",
    "the OpenAPI document reads a group's enrollment at /enrollment, not by id",
  ],
  ["Location: GET /groups/v2/locations is documented by P only", "the OpenAPI document has no top-level /locations"],
  ["Location: GET /groups/v2/locations/{location_id} is documented by P only", "the OpenAPI document has no top-level /locations"],
  ["Tag: GET /groups/v2/tags is documented by P only", "the OpenAPI document has no top-level /tags"],
  ["Tag: GET /groups/v2/tags/{tag_id} is documented by P only", "the OpenAPI document has no top-level /tags"],
  ["Person: GET /groups/v2/me is documented by O only", "/me, which the documentation API does not list"],
];

/** Routes only the OpenAPI document lists: every route through an association (item and to-one routes), which the documentation API does not list. */
const THROUGH_AN_ASSOCIATION = /^[A-Za-z]+: (GET|PATCH|DELETE) \/groups\/v2\/[a-z_]+\/\{[a-z_]+\}\/[a-z_]+(\/.*)? is documented by O only$/;

describeCorpus("the documentation API and the official OpenAPI of one version", () => {
  let result: ScrapeResult;
  beforeAll(async () => {
    result = await collectSpecs({
      from: [parseSourceOperand(`portal:${PORTAL}`), parseSourceOperand(`openapi:${OPENAPI}`)],
      apps: ["groups", "webhooks"],
      versions: { kind: "latest" },
    });
  });

  it("give one whole spec per app-version, naming both sources", () => {
    expect(result.specs.map((s) => `${s.app}/${s.version}`)).toEqual(["groups/2023-07-10", "webhooks/2022-10-20"]);
    expect(result.withheld).toEqual([]);
    for (const spec of result.specs) expect(spec.sources?.map((s) => s.format)).toEqual(["portal", "openapi"]);
  });

  it.each([
    ["groups", "2023-07-10"],
    ["webhooks", "2022-10-20"],
  ])("%s %s: the spec holds every operation of the official document", (app, version) => {
    const spec = result.specs.find((s) => s.app === app)!;
    const held = new Set(
      [
        ...spec.resources.flatMap((r) => r.endpoints.map((e) => `${e.method} ${e.path}`)),
        ...spec.resources.flatMap((r) => r.actions.map((a) => `POST ${a.path}`)),
      ].map(shapeOf),
    );
    const official = recount(app, version).operationKeys.map(shapeOf);
    expect(official.filter((key) => !held.has(key))).toEqual([]);
  });

  it("reports every disagreement, each listed here with its reason", () => {
    const messages = result.diagnostics.filter((d) => d.code === "SPEC_SOURCES_DISAGREE").map((d) => short(d.message));
    const conflicts = messages.filter((m) => CONFLICTS.some(([c]) => c === m));
    const oneSided = messages.filter((m) => ONE_SIDED.some(([c]) => c === m));
    const routes = messages.filter((m) => THROUGH_AN_ASSOCIATION.test(m));
    expect(conflicts.sort()).toEqual(CONFLICTS.map(([m]) => m).sort());
    expect(oneSided.sort()).toEqual(ONE_SIDED.map(([m]) => m).sort());
    // Nothing else: every message is one of the three kinds above.
    expect(messages.filter((m) => !conflicts.includes(m) && !oneSided.includes(m) && !routes.includes(m))).toEqual([]);
    expect(routes.length).toBeGreaterThan(0);
  });

  it("writes the documentation API's value where they disagree, and names the source of one-sided facts", () => {
    const groups = result.specs.find((s) => s.app === "groups")!;
    const group = groups.resources.find((r) => r.type === "Group")!;
    expect(group.attributes.find((a) => a.name === "header_image")?.type).toBe("hash");
    expect(group.attributes.find((a) => a.name === "listed")).toMatchObject({ type: "boolean", sources: ["openapi"] });
    expect(groups.resources.find((r) => r.type === "RSVP")?.sources).toEqual(["openapi"]);
    expect(group.sources).toEqual(["openapi", "portal"]);
  });
});
