/**
 * A small client built straight on the runtime, typed with the runtime's own
 * building blocks the way a generated client is: People with emails (to-many)
 * and a primary email (to-one), an action, and the upload helper.
 */
import { connect, type ApiDefaults, type ClientOptions, type Routes } from "../../templates/runtime/index.js";
import type * as pco from "../../templates/runtime/index.js";
import { DOCUMENTED_API_FACTS } from "../../generator/spec/api-facts.js";

export interface Email extends pco.Resource {
  type: "Email";
  attributes: { address: string | null };
}

export interface Person extends pco.Resource {
  type: "Person";
  attributes: { first_name: string | null; avatar: string | null };
}

export interface PersonDef {
  resource: Person;
  includes: { emails: Email[]; primary_email: Email | null; ["__proto__"]: Email | null };
  where: { first_name?: pco.WhereText; created_at?: pco.WhereDate; grade?: pco.WhereNumber };
  order: pco.Order<"first_name" | "created_at">;
  perPage: pco.PerPage;
  fields: { Person?: readonly ("first_name" | "avatar")[] };
  create: { first_name?: string | null };
  update: { first_name?: string | null; avatar?: string | null };
}

export interface PersonRecord extends pco.Get<PersonDef>, pco.Update<PersonDef>, pco.Delete {
  emails: pco.Collection<pco.AnyDef>;
  reset: pco.Action<{ reason?: string }>;
}

export interface PeopleCollection
  extends pco.Collection<PersonDef, "admins">, pco.Create<PersonDef>, pco.GetById<PersonDef>, pco.UpdateById<PersonDef>, pco.DeleteById {
  id(id: pco.Id): PersonRecord;
}

export interface TestClient extends pco.ClientBase {
  people: PeopleCollection;
}

const routes: Routes = {
  "": "/people/v2 people:Person[]",
  Person: "emails:Email[] reset(PersonReset)",
};

export function apiDefaults(baseUrl: string, uploadUrl = `${baseUrl}/upload/v2/files`): ApiDefaults {
  return {
    baseUrl,
    apiVersion: "2025-03-20",
    tokenUrl: `${baseUrl}/oauth/token`,
    uploadUrl,
    uploadField: "file",
    rateLimit: DOCUMENTED_API_FACTS.rateLimit!,
  };
}

/** Fast retries by default, so that tests of failures stay quick. */
export function testClient(baseUrl: string, options: ClientOptions = {}, api = apiDefaults(baseUrl)): TestClient {
  return connect(api, routes, { retryDelayMs: 5, maxRetryDelayMs: 20, ...options }) as TestClient;
}

/** A JSON:API resource object. */
export const resource = (type: string, id: string, attributes: object = {}, relationships?: object) => ({
  type,
  id,
  attributes,
  ...(relationships === undefined ? {} : { relationships }),
});
