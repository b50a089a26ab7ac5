/**
 * The sentence a rendered document gives an attribute whose type the docs did
 * not state as written, so that a reader of a client or an OpenAPI document
 * knows which types to trust less.
 */
import type { Attribute } from "../spec/types.js";

export function typeOriginNote(attribute: Pick<Attribute, "type" | "typeOrigin" | "documentedAs">): string | undefined {
  switch (attribute.typeOrigin) {
    case "inferred":
      return `Type inferred from the docs' example value (\`${attribute.type}\`); the docs do not annotate it.`;
    case "repaired":
      return `The docs write the type as \`${attribute.documentedAs ?? "?"}\`, read as \`${attribute.type}\`.`;
    default:
      return undefined;
  }
}
