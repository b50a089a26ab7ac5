/**
 * A moved path, on the People spec built from the corpus: WorkflowCard's own
 * path changed from `/people/v2/people/{person_id}/workflow_cards` to
 * `/people/v2/workflow_cards` (as it did in a real People version), while
 * Person's `workflow_cards` association still serves the old URLs. The
 * change is one move, and nothing still served is reported removed.
 */
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { allChanges } from "../../generator/diff/change.js";
import { diffSpecs } from "../../generator/diff/diff.js";
import { loadSpecFile } from "../../generator/spec/load.js";
import { withServedRoutes } from "../../generator/spec/routes.js";
import type { Spec } from "../../generator/spec/types.js";
import { REPO_ROOT } from "../helpers/corpus.js";

const OLD = "/people/v2/people/{person_id}/workflow_cards";
const NEW = "/people/v2/workflow_cards";

let before: Spec;
let after: Spec;

beforeAll(async () => {
  const loaded = await loadSpecFile(path.join(REPO_ROOT, "spec/people/2025-03-20.json"));
  before = loaded.value[0]!;
  // The docs after the move: the vertex's own path and its own endpoints under the new path; the
  // routes derived from associations (never a create) are derived again, as a scrape would.
  const documented = (e: Spec["resources"][number]["endpoints"][number]) =>
    e.operation === "create" || (e.via === undefined && e.currentUser !== true);
  const moved = {
    ...before,
    resources: before.resources.map((r) =>
      r.type !== "WorkflowCard"
        ? { ...r, endpoints: r.endpoints.filter(documented) }
        : {
            ...r,
            path: NEW,
            endpoints: r.endpoints
              .filter(documented)
              .map((e) => ({ ...e, path: e.path.startsWith(OLD) ? NEW + e.path.slice(OLD.length) : e.path })),
          },
    ),
  };
  after = withServedRoutes(moved);
});

it("the corpus has the association that keeps serving the old path", () => {
  const person = before.resources.find((r) => r.type === "Person")!;
  expect(person.associations.find((a) => a.name === "workflow_cards")?.path).toBe(OLD);
  expect(before.resources.find((r) => r.type === "WorkflowCard")!.path).toBe(OLD);
});

it("reports the move once, and no endpoint of WorkflowCard as removed or added", () => {
  const [comparison] = diffSpecs(before, after);
  const card = comparison!.resources.find((r) => r.type === "WorkflowCard")!;
  expect(card.changes).toEqual([
    { class: "breaking", subject: "resource", action: "changed", name: "WorkflowCard", field: "path", before: OLD, after: NEW },
  ]);
});

it("reports nothing removed anywhere that the newer spec still serves", () => {
  const removed = diffSpecs(before, after)
    .flatMap(allChanges)
    .filter((c) => c.action === "removed");
  expect(removed).toEqual([]);
});

it("says in the changelog that a spec was written with partial, and what it lacks", async () => {
  const { buildChangelog } = await import("../../generator/changelog/changelog.js");
  const { renderChangelog } = await import("../../generator/changelog/render.js");
  const partial: Spec = {
    ...before,
    partial: [{ resource: "Email", file: "email.json", missing: ["attributes"], reason: "invalid JSON" }],
  };
  const changes = diffSpecs(before, partial).flatMap(allChanges);
  expect(changes).toEqual([
    { class: "additive", subject: "app", action: "changed", name: "people", field: "partial", after: ["Email: attributes"] },
  ]);
  const text = await renderChangelog(buildChangelog(diffSpecs(before, partial), { from: "a", to: "b", includeDocs: false }), "text", {
    colour: false,
  });
  expect(text).toContain("written from damaged docs (partial); it lacks");
  expect(text).toContain("Email: attributes");
});
