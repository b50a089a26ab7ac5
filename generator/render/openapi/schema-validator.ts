/**
 * Validation of JSON against a document's component schemas, with ajv's
 * JSON Schema 2020-12 dialect (OpenAPI 3.1's): how JSON:API fixtures, the
 * docs' examples or real responses are checked against the documents.
 *
 *   const validate = componentValidator(document);
 *   validate("Person.collection", body); // [] when it fits
 */
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { SCHEMA_EXTENSION_KEYWORDS } from "./attribute-schema.js";
import type { OpenApiDocument } from "./model.js";

const DOCUMENT_ID = "pco-codegen:openapi";

export type ComponentValidator = (schemaKey: string, value: unknown) => ErrorObject[];

export function componentValidator(document: Pick<OpenApiDocument, "components">): ComponentValidator {
  const ajv = addFormats.default(new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }));
  // The schemas refer to each other as `#/components/schemas/...`: they are
  // added under one document whose only non-schema keyword is `components`.
  ajv.addVocabulary([...SCHEMA_EXTENSION_KEYWORDS, "components"]);
  ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: document.components.schemas ?? {} } });
  return (schemaKey, value) => {
    const validate = ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${schemaKey}`);
    if (validate === undefined) throw new Error(`the document has no schema ${schemaKey}`);
    return validate(value) ? [] : [...(validate.errors ?? [])];
  };
}
