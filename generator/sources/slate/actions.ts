/**
 * "Actions for a Plan": each row of the table (name, URL, description) with
 * its own `####` section: the details, and the example body of its request.
 */
import type { Diagnostic } from "../../diagnostics.js";
import { parseJson } from "../../json-text.js";
import type { Located } from "../../spec/draft.js";
import type { Action } from "../../spec/types.js";
import type { OperationRead } from "./operation.js";
import { unknownHeading, unplaced } from "./report.js";

export function actionsOf(operation: OperationRead, owner: string, diagnostics: Diagnostic[]): Located<Action>[] {
  return operation.actions.map((row) => {
    const section = operation.actionSections.find((s) => s.heading.text === row.name);
    const details: string[] = [];
    let exampleBody: unknown;
    for (const block of section?.blocks ?? []) {
      if (block.kind === "paragraph") details.push(block.text);
      else if (block.kind === "code" && exampleBody === undefined) {
        const parsed = parseJson(block.text);
        exampleBody = parsed.ok ? parsed.value : block.text;
      } else diagnostics.push(unplaced(owner, row.name, block));
    }
    for (const child of section?.children ?? []) diagnostics.push(unknownHeading(`${owner} ${row.name}`, child));
    return {
      name: row.name,
      path: row.url,
      ...(row.description === undefined ? {} : { description: row.description }),
      ...(details.length === 0 ? {} : { details: details.join("\n\n") }),
      ...(exampleBody === undefined ? {} : { exampleBody }),
      origin: row.origin,
    };
  });
}
