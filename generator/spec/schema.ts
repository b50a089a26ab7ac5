/**
 * The JSON Schema of a spec file. Every spec is validated against it before it
 * is written, and tests validate the committed ones; `scrape` writes it to
 * `spec/spec.schema.json` for tools outside the generator.
 *
 * Written by `npm run spec:schema` from ./types.ts: edit the types, not this file.
 */
export const specSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    specVersion: {
      type: "integer",
      minimum: 1,
    },
    app: {
      type: "string",
      description: "The app's URL segment: `people`, `check-ins`.",
      pattern: "^[a-z][a-z0-9_-]*$",
    },
    version: {
      type: "string",
      description: "The portal's version id (`2025-03-20`), `legacy` for the Slate docs, `unversioned` for pages that do not say.",
      pattern: "^(\\d{4}-\\d{2}-\\d{2}|legacy|unversioned)$",
    },
    title: {
      type: "string",
      minLength: 1,
    },
    description: {
      type: "string",
    },
    baseUrl: {
      type: "string",
      description: "Scheme and host; every path in the spec is relative to it.",
      pattern: "^https?://[^/]+$",
    },
    beta: {
      type: "boolean",
      description: "The version is marked beta by the docs.",
    },
    versionDetails: {
      type: "string",
      description: "What the docs say changed in this version.",
    },
    source: {
      type: "object",
      properties: {
        format: {
          type: "string",
          enum: ["portal", "slate-markdown", "slate-html", "slate-text", "portal-page-text", "portal-page-markdown", "openapi"],
        },
        location: {
          type: "string",
          description: "Relative or a URL: never a path that only exists on one machine.",
          minLength: 1,
          not: {
            pattern: "^(/|[A-Za-z]:[\\\\/])",
          },
        },
      },
      required: ["format", "location"],
      additionalProperties: false,
      description: "Where a spec was read from.",
    },
    sources: {
      type: "array",
      items: {
        type: "object",
        properties: {
          format: {
            type: "string",
            enum: ["portal", "slate-markdown", "slate-html", "slate-text", "portal-page-text", "portal-page-markdown", "openapi"],
          },
          location: {
            type: "string",
            description: "Relative or a URL: never a path that only exists on one machine.",
            minLength: 1,
            not: {
              pattern: "^(/|[A-Za-z]:[\\\\/])",
            },
          },
        },
        required: ["format", "location"],
        additionalProperties: false,
        description: "Where a spec was read from.",
      },
      description:
        "Every source this spec was read from, when there are several (the documentation API and the official OpenAPI document of one version), `source` first. Facts that only some of them give name theirs in `sources`.",
    },
    security: {
      type: "object",
      properties: {
        oauth2: {
          type: "object",
          properties: {
            authorizationUrl: {
              type: "string",
            },
            tokenUrl: {
              type: "string",
            },
            refreshUrl: {
              type: "string",
            },
            scopes: {
              type: "array",
              items: {
                type: "string",
              },
              description: "The scopes an OAuth token needs for this app (`people`, `check_ins`).",
            },
          },
          required: ["authorizationUrl", "tokenUrl", "scopes"],
          additionalProperties: false,
        },
        personalAccessToken: {
          type: "boolean",
          description: "HTTP Basic with a personal access token's client id and secret.",
        },
      },
      additionalProperties: false,
      description: "How the API authenticates this app, from the docs' security schemes.",
    },
    partial: {
      type: "array",
      items: {
        type: "object",
        properties: {
          resource: {
            type: "string",
            description: "The resource (vertex) concerned, or absent when the whole document was unreadable.",
          },
          file: {
            type: "string",
            minLength: 1,
          },
          missing: {
            type: "array",
            items: {
              type: "string",
              minLength: 1,
            },
            uniqueItems: true,
          },
          reason: {
            type: "string",
            minLength: 1,
          },
        },
        required: ["file", "missing", "reason"],
        additionalProperties: false,
        description: "One thing the documentation was missing or unreadable, kept in a partial spec.",
      },
      description: "Present only when written with `--allow-partial`: what the docs failed to give.",
    },
    api: {
      type: "object",
      properties: {
        rateLimit: {
          type: "object",
          properties: {
            limit: {
              type: "integer",
              minimum: 1,
            },
            periodSeconds: {
              type: "integer",
              minimum: 1,
            },
            headers: {
              type: "object",
              properties: {
                limit: {
                  type: "string",
                  minLength: 1,
                },
                period: {
                  type: "string",
                  minLength: 1,
                },
                count: {
                  type: "string",
                  minLength: 1,
                },
                retryAfter: {
                  type: "string",
                  minLength: 1,
                },
              },
              required: ["limit", "period", "count", "retryAfter"],
              additionalProperties: false,
              description: "Header names: limit, period, count, and the 429's Retry-After.",
            },
          },
          required: ["limit", "periodSeconds", "headers"],
          additionalProperties: false,
        },
        auth: {
          type: "object",
          properties: {
            personalAccessToken: {
              type: "object",
              properties: {
                applicationsUrl: {
                  type: "string",
                  pattern: "^https?://",
                },
              },
              required: ["applicationsUrl"],
              additionalProperties: false,
              description: "Personal access token: the application id and secret sent with HTTP Basic.",
            },
            oauth2: {
              type: "object",
              properties: {
                authorizeUrl: {
                  type: "string",
                  pattern: "^https?://",
                },
                tokenUrl: {
                  type: "string",
                  pattern: "^https?://",
                },
                scopes: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      app: {
                        type: "string",
                        minLength: 1,
                      },
                      scope: {
                        type: "string",
                        minLength: 1,
                      },
                    },
                    required: ["app", "scope"],
                    additionalProperties: false,
                  },
                  description: 'One scope per app: `{ app: "Check-ins", scope: "check_ins" }`.',
                },
                accessTokenLifetimeSeconds: {
                  type: "integer",
                  minimum: 0,
                },
                refreshTokenLifetimeDays: {
                  type: "integer",
                  minimum: 0,
                },
              },
              required: ["authorizeUrl", "tokenUrl", "scopes"],
              additionalProperties: false,
            },
          },
          additionalProperties: false,
        },
        currentUserPath: {
          type: "string",
          pattern: "^(?:/(?!\\.\\.?(?:/|$))[^/?#\\s]+)+$",
          description: "The current user's endpoint, e.g. `/people/v2/me`.",
        },
        upload: {
          type: "object",
          properties: {
            url: {
              type: "string",
              pattern: "^https?://",
            },
            field: {
              type: "string",
              minLength: 1,
            },
          },
          required: ["url", "field"],
          additionalProperties: false,
          description: "The two-step upload: POST the file here (multipart, `field`), then pass the returned id.",
        },
        dateFormats: {
          type: "array",
          items: {
            type: "object",
            properties: {
              name: {
                type: "string",
                minLength: 1,
              },
              format: {
                type: "string",
                minLength: 1,
              },
              example: {
                type: "string",
                minLength: 1,
              },
            },
            required: ["name", "format", "example"],
            additionalProperties: false,
          },
        },
        whereOperators: {
          type: "array",
          items: {
            type: "object",
            properties: {
              operator: {
                type: "string",
                minLength: 1,
              },
              usage: {
                type: "string",
                minLength: 1,
              },
              result: {
                type: "string",
                minLength: 1,
              },
            },
            required: ["operator", "usage", "result"],
            additionalProperties: false,
          },
          description: "Comparison operators of `where[...]` on dates and times: `[gt]=`, with an example and what it matches.",
        },
        errors: {
          type: "array",
          items: {
            type: "object",
            properties: {
              status: {
                type: "integer",
                minimum: 100,
                maximum: 599,
              },
              title: {
                type: "string",
                minLength: 1,
              },
              cause: {
                type: "string",
              },
            },
            required: ["status", "title", "cause"],
            additionalProperties: false,
          },
          description: "The error statuses the API answers with, and what causes each.",
        },
      },
      additionalProperties: false,
      description: "API-wide facts (auth, rate limits, uploads...) the docs state once for every app.",
    },
    resources: {
      type: "array",
      items: {
        type: "object",
        properties: {
          type: {
            type: "string",
            minLength: 1,
            description: "The JSON:API type, e.g. `Person`.",
          },
          id: {
            type: "string",
            minLength: 1,
            description: "The documentation's identifier for the resource, e.g. `person`.",
          },
          description: {
            type: "string",
          },
          deprecated: {
            type: "boolean",
          },
          path: {
            type: "string",
            pattern: "^(?:/(?!\\.\\.?(?:/|$))[^/?#\\s]+)+$",
            description: "The resource's own collection path, templated.",
          },
          collectionOnly: {
            type: "boolean",
            description: "The resource is only ever returned as a collection (no get by id).",
          },
          attributes: {
            type: "array",
            items: {
              type: "object",
              properties: {
                name: {
                  type: "string",
                  minLength: 1,
                },
                type: {
                  type: "string",
                  enum: [
                    "primary_key",
                    "string",
                    "integer",
                    "float",
                    "boolean",
                    "date",
                    "date_time",
                    "array",
                    "hash",
                    "json",
                    "object",
                    "currency_abbreviation",
                    "repeatable_schedule",
                    "unknown",
                  ],
                },
                typeOrigin: {
                  type: "string",
                  enum: ["repaired", "inferred"],
                  description:
                    "Where the type came from, when the docs did not state it as written: `repaired` from a known synonym (`documentedAs` holds the docs' spelling), `inferred` from the JSON type of the example object's value. Absent: documented.",
                },
                documentedAs: {
                  type: "string",
                  description: "The docs' own spelling of a repaired type (`int`, `Boolean`...).",
                },
                description: {
                  type: "string",
                },
                note: {
                  type: "string",
                },
                permission: {
                  type: "string",
                  description: "The docs' permission level for reading the attribute (`public`, `editor`...).",
                },
                mappedFrom: {
                  type: "string",
                  description:
                    "The type as another vocabulary wrote it, when `type` was mapped from it: `openapi string/date-time` for an OpenAPI `string` of format `date-time`.",
                },
                sources: {
                  type: "array",
                  items: {
                    type: "string",
                    enum: ["portal", "slate-markdown", "slate-html", "slate-text", "portal-page-text", "portal-page-markdown", "openapi"],
                  },
                  description: "In a spec of several sources: the sources that give the attribute, when not all do.",
                },
              },
              required: ["name", "type"],
              additionalProperties: false,
            },
          },
          relationships: {
            type: "array",
            items: {
              type: "object",
              properties: {
                name: {
                  type: "string",
                  minLength: 1,
                },
                target: {
                  type: "string",
                  minLength: 1,
                },
                toMany: {
                  type: "boolean",
                },
                polymorphic: {
                  type: "boolean",
                },
                note: {
                  type: "string",
                },
                authorization: {
                  type: "string",
                  description: "The docs' authorization level for the relationship.",
                },
                sources: {
                  type: "array",
                  items: {
                    type: "string",
                    enum: ["portal", "slate-markdown", "slate-html", "slate-text", "portal-page-text", "portal-page-markdown", "openapi"],
                  },
                  description: "In a spec of several sources: the sources that give it, when not all do.",
                },
              },
              required: ["name", "target", "toMany"],
              additionalProperties: false,
            },
          },
          associations: {
            type: "array",
            items: {
              type: "object",
              properties: {
                name: {
                  type: "string",
                  minLength: 1,
                },
                target: {
                  type: "string",
                  minLength: 1,
                },
                path: {
                  type: "string",
                  pattern: "^(?:/(?!\\.\\.?(?:/|$))[^/?#\\s]+)+$",
                },
                filters: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      name: {
                        type: "string",
                        minLength: 1,
                      },
                      description: {
                        type: "string",
                      },
                    },
                    required: ["name"],
                    additionalProperties: false,
                  },
                },
                deprecated: {
                  type: "boolean",
                },
                details: {
                  type: "string",
                },
                sources: {
                  type: "array",
                  items: {
                    type: "string",
                    enum: ["portal", "slate-markdown", "slate-html", "slate-text", "portal-page-text", "portal-page-markdown", "openapi"],
                  },
                  description: "In a spec of several sources: the sources that give it, when not all do.",
                },
              },
              required: ["name", "target", "path", "filters"],
              additionalProperties: false,
              description: "An outbound edge: a URL under this resource that lists or returns another resource.",
            },
          },
          actions: {
            type: "array",
            items: {
              type: "object",
              properties: {
                name: {
                  type: "string",
                  minLength: 1,
                },
                path: {
                  type: "string",
                  pattern: "^(?:/(?!\\.\\.?(?:/|$))[^/?#\\s]+)+$",
                },
                description: {
                  type: "string",
                },
                details: {
                  type: "string",
                },
                canRun: {
                  type: "string",
                  description: "Who may run it, in the docs' words.",
                },
                returnType: {
                  type: "string",
                },
                exampleBody: {
                  description: "The example request body, parsed when the docs give valid JSON.",
                },
                deprecated: {
                  type: "boolean",
                },
                sources: {
                  type: "array",
                  items: {
                    type: "string",
                    enum: ["portal", "slate-markdown", "slate-html", "slate-text", "portal-page-text", "portal-page-markdown", "openapi"],
                  },
                  description: "In a spec of several sources: the sources that give it, when not all do.",
                },
              },
              required: ["name", "path"],
              additionalProperties: false,
              description: "A POST endpoint that runs an operation on the resource.",
            },
          },
          endpoints: {
            type: "array",
            items: {
              type: "object",
              properties: {
                operation: {
                  type: "string",
                  enum: ["list", "get", "create", "update", "delete"],
                },
                method: {
                  type: "string",
                  enum: ["GET", "POST", "PATCH", "DELETE"],
                },
                path: {
                  type: "string",
                  pattern: "^(?:/(?!\\.\\.?(?:/|$))[^/?#\\s]+)+$",
                },
                filters: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      name: {
                        type: "string",
                        minLength: 1,
                      },
                      description: {
                        type: "string",
                      },
                    },
                    required: ["name"],
                    additionalProperties: false,
                  },
                },
                query: {
                  type: "object",
                  properties: {
                    where: {
                      type: "array",
                      items: {
                        type: "string",
                      },
                    },
                    relationalWhere: {
                      type: "array",
                      items: {
                        type: "string",
                        minLength: 1,
                        pattern: "^[^.]*(\\.[^.]*){0,7}$",
                      },
                    },
                    order: {
                      type: "array",
                      items: {
                        type: "string",
                      },
                    },
                    include: {
                      type: "array",
                      items: {
                        type: "string",
                        minLength: 1,
                        pattern: "^[^.]*(\\.[^.]*){0,7}$",
                      },
                    },
                  },
                  required: ["where", "relationalWhere", "order", "include"],
                  additionalProperties: false,
                  description: "The query vocabulary of this endpoint, present only where it differs from the resource's `query`.",
                },
                sources: {
                  type: "array",
                  items: {
                    type: "string",
                    enum: ["portal", "slate-markdown", "slate-html", "slate-text", "portal-page-text", "portal-page-markdown", "openapi"],
                  },
                  description: "In a spec of several sources: the sources that give it, when not all do.",
                },
                via: {
                  type: "object",
                  properties: {
                    resource: {
                      type: "string",
                    },
                    association: {
                      type: "string",
                    },
                  },
                  required: ["resource", "association"],
                  additionalProperties: false,
                  description: "The association whose URL this endpoint is under, where it is not at its resource's own path.",
                },
                currentUser: {
                  type: "boolean",
                  description: "The current user's record (`/me`), not one chosen by id.",
                },
              },
              required: ["operation", "method", "path"],
              additionalProperties: false,
            },
          },
          query: {
            type: "object",
            properties: {
              where: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    name: {
                      type: "string",
                      minLength: 1,
                      pattern: "^[^.]*(\\.[^.]*){0,7}$",
                      description:
                        "The attribute, or for a relational where the dotted path to it (`group.name` for `where[group][name]`).",
                    },
                    type: {
                      type: "string",
                    },
                    description: {
                      type: "string",
                    },
                    operators: {
                      type: "array",
                      items: {
                        type: "string",
                      },
                      description: "The comparison operators the docs list for it (`gt`, `gte`, `lt`, `lte`): `where[name][gt]`.",
                    },
                  },
                  required: ["name", "type"],
                  additionalProperties: false,
                },
              },
              order: {
                type: "array",
                items: {
                  type: "string",
                  minLength: 1,
                },
                uniqueItems: true,
              },
              include: {
                type: "array",
                items: {
                  type: "string",
                  minLength: 1,
                },
                uniqueItems: true,
              },
              nestedInclude: {
                type: "array",
                items: {
                  type: "string",
                  minLength: 1,
                  pattern: "^[^.]*(\\.[^.]*){0,7}$",
                },
                uniqueItems: true,
                description: "Includes of includes, dotted (`location.group`): `include=location.group`.",
              },
              relationalWhere: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    name: {
                      type: "string",
                      minLength: 1,
                      pattern: "^[^.]*(\\.[^.]*){0,7}$",
                      description:
                        "The attribute, or for a relational where the dotted path to it (`group.name` for `where[group][name]`).",
                    },
                    type: {
                      type: "string",
                    },
                    description: {
                      type: "string",
                    },
                    operators: {
                      type: "array",
                      items: {
                        type: "string",
                      },
                      description: "The comparison operators the docs list for it (`gt`, `gte`, `lt`, `lte`): `where[name][gt]`.",
                    },
                  },
                  required: ["name", "type"],
                  additionalProperties: false,
                },
                description: "Where clauses on a related record's attribute: `where[group][name]`, named `group.name`.",
              },
              perPage: {
                type: "object",
                properties: {
                  min: {
                    type: "integer",
                    minimum: 0,
                  },
                  max: {
                    type: "integer",
                    minimum: 0,
                  },
                  default: {
                    type: "integer",
                    minimum: 0,
                  },
                },
                required: ["min", "max", "default"],
                additionalProperties: false,
              },
              offset: {
                type: "boolean",
                description: "The list pages with `offset` (the docs list the parameter).",
              },
              cursor: {
                type: "array",
                items: {
                  type: "string",
                  enum: ["after", "before"],
                },
                description: "The id cursors the docs list for paging (`after`: records after this id; `before`).",
              },
              assignableIncludes: {
                type: "object",
                properties: {
                  create: {
                    type: "array",
                    items: {
                      type: "string",
                      minLength: 1,
                    },
                    uniqueItems: true,
                  },
                  update: {
                    type: "array",
                    items: {
                      type: "string",
                      minLength: 1,
                    },
                    uniqueItems: true,
                  },
                },
                required: ["create", "update"],
                additionalProperties: false,
                description: "Includes that may also be sent in a create or update body.",
              },
            },
            required: ["where", "order", "include"],
            additionalProperties: false,
          },
          permissions: {
            type: "object",
            properties: {
              create: {
                type: "boolean",
              },
              update: {
                type: "boolean",
              },
              destroy: {
                type: "boolean",
              },
              createAttributes: {
                type: "array",
                items: {
                  type: "string",
                  minLength: 1,
                },
                uniqueItems: true,
              },
              updateAttributes: {
                type: "array",
                items: {
                  type: "string",
                  minLength: 1,
                },
                uniqueItems: true,
              },
              notes: {
                type: "object",
                properties: {
                  read: {
                    type: "string",
                  },
                  create: {
                    type: "string",
                  },
                  update: {
                    type: "string",
                  },
                  destroy: {
                    type: "string",
                  },
                },
                additionalProperties: false,
                description: "The docs' notes on who may read, create, update or destroy.",
              },
            },
            required: ["create", "update", "destroy"],
            additionalProperties: false,
          },
          example: {
            description: "The docs' example object, parsed.",
          },
          sources: {
            type: "array",
            items: {
              type: "string",
              enum: ["portal", "slate-markdown", "slate-html", "slate-text", "portal-page-text", "portal-page-markdown", "openapi"],
            },
            description: "In a spec of several sources: the formats of the sources that document the resource.",
          },
        },
        required: [
          "type",
          "id",
          "deprecated",
          "attributes",
          "relationships",
          "associations",
          "actions",
          "endpoints",
          "query",
          "permissions",
        ],
        additionalProperties: false,
      },
    },
  },
  required: ["specVersion", "app", "version", "title", "baseUrl", "source", "resources"],
  additionalProperties: false,
  title: "pco-codegen resource spec",
} as const;
