/**
 * Request bodies: `Person.create` and `Person.update` hold only the attributes
 * the docs list as assignable, and require the JSON:API `type`. Where the docs
 * list none (the Slate docs never do), every documented attribute but the id
 * may be sent, and others are not refused.
 */
import { sortedStrings } from "../../util/order.js";
import type { Resource } from "../../spec/types.js";
import { attributeSchema, undocumentedAttributeSchema } from "./attribute-schema.js";
import type { AppContext, DocumentContext } from "./context.js";
import { jsonApiSchema } from "./json-api-schemas.js";
import type { Reference, Schema } from "./model.js";
import { resourceComponent } from "./resource-schemas.js";

type Write = "create" | "update";

export function requestBodySchema(ctx: DocumentContext, app: AppContext, resource: Resource, write: Write): Reference {
  return resourceComponent(ctx, app, resource, write, () => {
    const data: Schema = {
      type: "object",
      required: ["type"],
      properties: {
        type: { const: resource.type },
        ...(write === "update" ? { id: { type: "string" } } : {}),
        attributes: assignableAttributes(resource, write),
        relationships: { type: "object", additionalProperties: jsonApiSchema(ctx, "Relationship") },
      },
    };
    const includes = assignableIncludes(resource, write);
    return {
      type: "object",
      required: ["data"],
      properties: {
        data,
        ...(includes.length === 0
          ? {}
          : {
              included: {
                type: "array",
                description: `Related records sent with this one: ${includes.map((i) => `\`${i}\``).join(", ")}.`,
                items: jsonApiSchema(ctx, "RequestResource"),
              },
            }),
      },
    };
  });
}

/** The includes that may be sent in the body, as the docs list them. */
function assignableIncludes(resource: Resource, write: Write): string[] {
  return sortedStrings(resource.query.assignableIncludes?.[write] ?? []);
}

function assignableAttributes(resource: Resource, write: Write): Schema {
  const listed = write === "create" ? resource.permissions.createAttributes : resource.permissions.updateAttributes;
  const byName = new Map(resource.attributes.map((a) => [a.name, a]));
  const names = listed ?? resource.attributes.map((a) => a.name).filter((n) => n !== "id");
  const properties = sortedStrings(new Set(names)).map((name) => {
    const attribute = byName.get(name);
    return [name, attribute === undefined ? undocumentedAttributeSchema() : attributeSchema(attribute)] as const;
  });
  return {
    type: "object",
    properties: Object.fromEntries(properties),
    ...(listed === undefined ? {} : { additionalProperties: false }),
  };
}
