/**
 * A resource's attributes: every one its JSON example shows, typed by the
 * docs' "Resource Attributes" tables where they type it and by the example
 * value otherwise, plus those only the tables name; with the notes of the
 * tables and of "Attribute Info".
 */
import { diagnostic, type Diagnostic, type Origin } from "../../diagnostics.js";
import type { Located } from "../../spec/draft.js";
import type { Attribute, AttributeType } from "../../spec/types.js";
import type { AttributeNote } from "./attribute-info.js";
import { readTypeCell, typeRepairMessage } from "../type-repair.js";
import { exampleEvidence } from "./example-types.js";
import type { OperationRead } from "./operation.js";

export function attributesOf(
  example: OperationRead["example"],
  operations: readonly OperationRead[],
  notes: readonly AttributeNote[],
  owner: string,
  diagnostics: Diagnostic[],
): Located<Attribute>[] {
  const tabled = new Map<string, { type: string; note?: string; origin: Origin }>();
  for (const row of operations.flatMap((o) => o.attributes)) if (!tabled.has(row.name)) tabled.set(row.name, row);
  const sample = exampleAttributes(example);
  const names = [...sample.keys(), ...[...tabled.keys()].filter((name) => !sample.has(name))];
  const attributes = names.map((name): Located<Attribute> => {
    const table = tabled.get(name);
    const origin = table?.origin ?? example!.origin;
    const note = [table?.note, notes.find((n) => n.name === name)?.note].filter((n) => n !== undefined).join("\n\n");
    const typed =
      table === undefined
        ? untabledType(name, sample, owner, origin, diagnostics)
        : tabledType(name, table.type, sample, owner, origin, diagnostics);
    return { name, ...typed, ...(note === "" ? {} : { note }), origin };
  });
  for (const note of notes) {
    if (!names.includes(note.name)) {
      diagnostics.push(
        diagnostic(
          "warning",
          "SLATE_NOTE_WITHOUT_ATTRIBUTE",
          `${owner}: "Attribute Info" has a note on ${note.name}, which is not an attribute of the resource; not read`,
          note.origin,
        ),
      );
    }
  }
  return attributes;
}

type Typed = Pick<Attribute, "type" | "typeOrigin" | "documentedAs">;

/** An attribute only the example shows: typed by its value. JSON:API's `id` is the primary key; the docs annotate every id they type as such. */
function untabledType(name: string, sample: ReadonlyMap<string, unknown>, owner: string, origin: Origin, diagnostics: Diagnostic[]): Typed {
  if (name === "id") return { type: "primary_key" };
  const evidence = exampleEvidence(sample.get(name));
  if (evidence === undefined) {
    diagnostics.push(
      diagnostic(
        "warning",
        "SLATE_UNTYPED_ATTRIBUTE",
        `${owner}.${name}: the docs give no type and the example value ${JSON.stringify(sample.get(name))} determines none; typed unknown`,
        origin,
      ),
    );
    return { type: "unknown" };
  }
  return { type: evidence.type, ...(evidence.inferred ? { typeOrigin: "inferred" as const } : {}) };
}

/** A type cell of a "Resource Attributes" table, repaired or degraded as the repair policy says (docs/readers.md). */
function tabledType(
  name: string,
  written: string,
  sample: ReadonlyMap<string, unknown>,
  owner: string,
  origin: Origin,
  diagnostics: Diagnostic[],
): Typed {
  const reading = readTypeCell(written);
  if (reading.kind === "documented") return { type: reading.type };
  const evidence = reading.kind === "unreadable" ? exampleEvidence(sample.get(name)) : undefined;
  const type: AttributeType = reading.kind === "repaired" ? reading.type : (evidence?.type ?? "unknown");
  diagnostics.push(
    diagnostic("warning", "SLATE_TYPE_REPAIRED", typeRepairMessage(`${owner}.${name}`, reading, type, evidence !== undefined), origin),
  );
  if (reading.kind === "repaired") return { type, typeOrigin: "repaired", documentedAs: reading.written };
  return { type, ...(evidence === undefined ? {} : { typeOrigin: "inferred" as const }) };
}

/** The example's attributes, with `id` first: the docs write the primary key there. */
function exampleAttributes(example: OperationRead["example"]): Map<string, unknown> {
  const sample = new Map<string, unknown>();
  if (example === undefined) return sample;
  if (Object.hasOwn(example.data, "id")) sample.set("id", example.data.id);
  const attributes = example.data.attributes;
  if (attributes !== null && typeof attributes === "object" && !Array.isArray(attributes)) {
    for (const [name, value] of Object.entries(attributes)) sample.set(name, value);
  }
  return sample;
}
