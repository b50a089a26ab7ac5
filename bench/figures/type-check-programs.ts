/**
 * The two programs of the type-check figure: the same twenty calls to People
 * (lists with where, order and include; gets; creates; updates; actions; a
 * delete), written once against our client and once against openapi-fetch
 * with the types openapi-typescript derives from our People OpenAPI document.
 * Each reads something typed from every answer, so that the answer's type is
 * worked out. Kept as text: they compile against files rendered at run time.
 */

/** Against the People client, as the installed clients package (`npm install @pco-codegen/clients`) gives it. */
export const OURS_PROGRAM = `import { createClient } from "@pco-codegen/clients/people";

const pco = createClient({ auth: { appId: "app", secret: "secret" } });

export async function twentyCalls(): Promise<void> {
  const people = await pco.people.list({
    where: { first_name: "Tim", created_at: { gte: "2024-01-01" } },
    include: ["emails", "primary_campus"],
    order: "-created_at",
    perPage: 50,
  });
  console.log(people.data[0]?.emails.map((email) => email.attributes.address), people.data[0]?.primary_campus?.id);
  const person = await pco.people.get("1", { include: ["households", "phone_numbers"] });
  console.log(person.data.households.length, person.data.phone_numbers[0]?.attributes.number);
  const created = await pco.people.create({ first_name: "Ada", last_name: "Lovelace", child: false });
  console.log(created.data.id);
  const updated = await pco.people.update(created.data.id, { nickname: "Countess", grade: 3 });
  console.log(updated.data.attributes.nickname);
  const email = await pco.people.id("1").emails.create({ address: "ada@example.com", location: "Home", primary: true });
  console.log(email.data.attributes.primary);
  const phone = await pco.people.id("1").phoneNumbers.create({ number: "555-0100", location: "Mobile" });
  console.log(phone.data.attributes.location);
  const addresses = await pco.people.id("1").addresses.list({ order: "city" });
  console.log(addresses.data.map((address) => address.attributes.city));
  const households = await pco.households.list({ where: { name: "Lovelace" }, include: ["people"] });
  console.log(households.data[0]?.people.length);
  const household = await pco.households.create({ name: "Babbage" });
  console.log(household.data.attributes.name);
  await pco.lists.id("5").run();
  await pco.people.id("1").workflowCards.id("2").promote();
  await pco.people.id("1").workflowCards.id("2").snooze({ duration: 14 });
  const messages = await pco.people.id("1").messages.list({ filter: "unread" });
  console.log(messages.data[0]?.attributes.subject);
  const campuses = await pco.campuses.list({ where: { created_at: { lt: "2025-01-01" } }, include: ["service_times"] });
  console.log(campuses.data[0]?.service_times.length);
  const fields = await pco.fieldDefinitions.list({ filter: "include_deleted", include: ["field_options"] });
  console.log(fields.data[0]?.field_options.map((option) => option.attributes.value));
  const datum = await pco.people.id("1").fieldData.create({ field_definition_id: "7", value: "yes" });
  console.log(datum.data.attributes.value);
  const note = await pco.people.id("1").notes.create({ note: "Met at the door" });
  console.log(note.data.attributes.note);
  const forms = await pco.forms.list({ filter: "open", include: ["campus"], where: { active: true } });
  console.log(forms.data[0]?.campus?.attributes.name);
  const campus = await pco.campuses.update("3", { name: "North" });
  console.log(campus.data.attributes.name);
  await pco.people.delete("2");
}
`;

/** Against openapi-fetch, with the types openapi-typescript writes for our People OpenAPI (`./people.d.ts`). */
export const PEER_PROGRAM = `import createClient from "openapi-fetch";
import type { paths } from "./people.js";

const api = createClient<paths>({ baseUrl: "https://api.planningcenteronline.com", headers: { authorization: "Basic YXBwOnNlY3JldA==" } });

export async function twentyCalls(): Promise<void> {
  const people = await api.GET("/people/v2/people", {
    params: {
      query: {
        "where[first_name]": "Tim",
        "where[created_at][gte]": "2024-01-01",
        include: ["emails", "primary_campus"],
        order: "-created_at",
        per_page: 50,
      },
    },
  });
  console.log(people.data?.data[0]?.relationships?.primary_campus?.data?.id, people.data?.included?.length);
  const person = await api.GET("/people/v2/people/{person_id}", { params: { path: { person_id: "1" }, query: { include: ["households", "phone_numbers"] } } });
  console.log(person.data?.data.attributes?.first_name, person.data?.included?.length);
  const created = await api.POST("/people/v2/people", {
    body: { data: { type: "Person", attributes: { first_name: "Ada", last_name: "Lovelace", child: false } } },
  });
  const createdId = created.data?.data.id ?? "";
  console.log(createdId);
  const updated = await api.PATCH("/people/v2/people/{person_id}", {
    params: { path: { person_id: createdId } },
    body: { data: { type: "Person", id: createdId, attributes: { nickname: "Countess", grade: 3 } } },
  });
  console.log(updated.data?.data.attributes?.nickname);
  const email = await api.POST("/people/v2/people/{person_id}/emails", {
    params: { path: { person_id: "1" } },
    body: { data: { type: "Email", attributes: { address: "ada@example.com", location: "Home", primary: true } } },
  });
  console.log(email.data?.data.attributes?.primary);
  const phone = await api.POST("/people/v2/people/{person_id}/phone_numbers", {
    params: { path: { person_id: "1" } },
    body: { data: { type: "PhoneNumber", attributes: { number: "555-0100", location: "Mobile" } } },
  });
  console.log(phone.data?.data.attributes?.location);
  const addresses = await api.GET("/people/v2/people/{person_id}/addresses", { params: { path: { person_id: "1" }, query: { order: "city" } } });
  console.log(addresses.data?.data.map((address) => address.attributes?.city));
  const households = await api.GET("/people/v2/households", { params: { query: { "where[name]": "Lovelace", include: ["people"] } } });
  console.log(households.data?.data[0]?.attributes?.member_count, households.data?.included?.length);
  const household = await api.POST("/people/v2/households", { body: { data: { type: "Household", attributes: { name: "Babbage" } } } });
  console.log(household.data?.data.attributes?.name);
  await api.POST("/people/v2/lists/{list_id}/run", { params: { path: { list_id: "5" } } });
  await api.POST("/people/v2/people/{person_id}/workflow_cards/{workflow_card_id}/promote", { params: { path: { person_id: "1", workflow_card_id: "2" } } });
  await api.POST("/people/v2/people/{person_id}/workflow_cards/{workflow_card_id}/snooze", {
    params: { path: { person_id: "1", workflow_card_id: "2" } },
    body: { data: { attributes: { duration: 14 } } },
  });
  const messages = await api.GET("/people/v2/people/{person_id}/messages", { params: { path: { person_id: "1" }, query: { filter: ["unread"] } } });
  console.log(messages.data?.data[0]?.attributes?.subject);
  const campuses = await api.GET("/people/v2/campuses", { params: { query: { "where[created_at][lt]": "2025-01-01", include: ["service_times"] } } });
  console.log(campuses.data?.data[0]?.attributes?.name, campuses.data?.included?.length);
  const fields = await api.GET("/people/v2/field_definitions", { params: { query: { filter: ["include_deleted"], include: ["field_options"] } } });
  console.log(fields.data?.included?.length);
  const datum = await api.POST("/people/v2/people/{person_id}/field_data", {
    params: { path: { person_id: "1" } },
    body: { data: { type: "FieldDatum", attributes: { field_definition_id: "7", value: "yes" } } },
  });
  console.log(datum.data?.data.attributes?.value);
  const note = await api.POST("/people/v2/people/{person_id}/notes", {
    params: { path: { person_id: "1" } },
    body: { data: { type: "Note", attributes: { note: "Met at the door" } } },
  });
  console.log(note.data?.data.attributes?.note);
  const forms = await api.GET("/people/v2/forms", { params: { query: { filter: ["open"], include: ["campus"], "where[active]": true } } });
  console.log(forms.data?.included?.length);
  const campus = await api.PATCH("/people/v2/campuses/{campus_id}", {
    params: { path: { campus_id: "3" } },
    body: { data: { type: "Campus", id: "3", attributes: { name: "North" } } },
  });
  console.log(campus.data?.data.attributes?.name);
  await api.DELETE("/people/v2/people/{person_id}", { params: { path: { person_id: "2" } } });
}
`;

/**
 * The same calls against the client's sources copied into the project, from a folder beside `generated/`: the compiler then
 * checks the runtime's TypeScript with the program, where the package gives it declarations.
 */
export const OURS_SOURCES_PROGRAM = OURS_PROGRAM.replace('"@pco-codegen/clients/people"', '"../generated/clients/people/index.js"');
