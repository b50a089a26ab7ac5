/**
 * The words of an operation: a short summary, and a description that leads
 * with what the operation is and goes on in the docs' own words (permission
 * notes, an association's details, an action's description and who can run it).
 */
import { spacedWords } from "../../util/case.js";
import { pluralWords, sentenceCase } from "./naming.js";
import { nameOf, type OperationSource, type PlannedOperation } from "./plan.js";
import { returnsCollection } from "./resource-index.js";

export function summaryOf(planned: PlannedOperation): string {
  const { item, resource, spec } = planned.sources[0]!;
  const type = spacedWords(resource.type);
  if (item.kind === "endpoint") {
    const verbs = {
      list: `List ${pluralWords(resource.type)}`,
      get: `Get ${type}`,
      create: `Create ${type}`,
      update: `Update ${type}`,
      delete: `Delete ${type}`,
    };
    return verbs[item.endpoint.operation];
  }
  if (item.kind === "association") {
    return `${returnsCollection(spec, resource, item.association) ? "List" : "Get"} ${type} ${spacedWords(item.association.name)}`;
  }
  const actions = planned.sources.filter((s) => s.item.kind === "action").map((s) => sentenceCase(nameOf(s.item)));
  return `${actions.join(", ")} (${type})`;
}

/** Every item's words: the operation's own first, then those of items that share its URL ("Also..."). */
export function descriptionOf(planned: PlannedOperation): string {
  return planned.sources.map((source, i) => describe(source, i === 0)).join("\n\n");
}

function describe(source: OperationSource, primary: boolean): string {
  const { item, resource, spec } = source;
  const notes = resource.permissions.notes;
  const paragraphs: (string | undefined)[] = [];
  if (item.kind === "endpoint") {
    const leads = {
      list: `Returns a page of ${pluralWords(resource.type)}.`,
      get: `Returns one ${resource.type}.`,
      create: `Creates one ${resource.type}.`,
      update: `Updates one ${resource.type}.`,
      delete: `Deletes one ${resource.type}.`,
    };
    const note = { list: notes?.read, get: notes?.read, create: notes?.create, update: notes?.update, delete: notes?.destroy };
    paragraphs.push(`${primary ? "" : "Also: "}${leads[item.endpoint.operation]}`, note[item.endpoint.operation]);
  } else if (item.kind === "association") {
    const { association } = item;
    const returned = returnsCollection(spec, resource, association)
      ? `a page of ${pluralWords(association.target)}`
      : `one ${association.target}`;
    paragraphs.push(
      `${primary ? "The" : "Also the"} \`${association.name}\` association of ${resource.type}: ${returned}.`,
      association.details,
    );
  } else {
    const { action } = item;
    paragraphs.push(
      `${primary ? "The" : "Also the"} \`${action.name}\` action of ${resource.type}.`,
      action.description,
      action.details,
      action.canRun === undefined ? undefined : `Who can run it: ${action.canRun}`,
    );
  }
  return paragraphs.filter((p): p is string => p !== undefined && p.trim() !== "").join("\n\n");
}
