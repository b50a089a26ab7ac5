/**
 * Programs compiled against the rendered People client by the tsc test: a
 * sample whose every type is checked exactly, and calls the types must
 * reject, each for a stated reason. They are kept as text because the clients
 * they import are rendered into a temporary folder by the test.
 */

export interface Rejection {
  /** Why the compiler must reject the line. */
  because: string;
  /** One statement, on one line. */
  code: string;
  /** What the compiler's message must mention. */
  error: RegExp;
}

/** Calls a People client must refuse. */
export const PEOPLE_REJECTIONS: readonly Rejection[] = [
  {
    because: "a where key that is no queryable attribute",
    code: `await pco.people.list({ where: { nickname_typo: "Tim" } });`,
    error: /nickname_typo/,
  },
  {
    because: "an attribute that the docs do not make queryable",
    code: `await pco.people.list({ where: { avatar: "x" } });`,
    error: /avatar/,
  },
  { because: "an include that Person does not offer", code: `await pco.people.list({ include: ["notes"] });`, error: /"notes"/ },
  { because: "an order by an attribute that is not orderable", code: `await pco.people.list({ order: "-avatar" });`, error: /"-avatar"/ },
  { because: "an order with two minus signs", code: `await pco.people.list({ order: "--first_name" });`, error: /"--first_name"/ },
  {
    because: "create on a read-only resource",
    code: `await pco.apps.create({ name: "x" });`,
    error: /Property 'create' does not exist on type 'AppsCollection'/,
  },
  {
    because: "an attribute that is not assignable on create",
    code: `await pco.people.create({ created_at: "2024-01-01T00:00:00Z" });`,
    error: /created_at/,
  },
  {
    because: "a list whose docs make no attribute assignable",
    code: `await pco.lists.update("5", { name: "Visitors" });`,
    error: /Type 'string' is not assignable to type 'never'/,
  },
  {
    because: "an assignable attribute of the wrong type",
    code: `await pco.people.update("1", { grade: "ten" });`,
    error: /Type 'string' is not assignable to type 'number'/,
  },
  { because: "a record not asked to include its emails", code: `void page.data[0]?.emails;`, error: /Property 'emails' does not exist/ },
  { because: "a filter of a person's messages used on people", code: `await pco.people.list({ filter: "sent" });`, error: /"sent"/ },
  {
    because: "delete where the docs document none",
    code: `await pco.lists.delete("5");`,
    error: /Property 'delete' does not exist on type 'ListsCollection'/,
  },
  {
    because: "a range operator the API does not have",
    code: `await pco.people.list({ where: { created_at: { after: "2024-01-01" } } });`,
    error: /after/,
  },
  {
    because: "a number range given a string",
    code: `await pco.people.list({ where: { grade: { gt: "3" } } });`,
    error: /Type 'string' is not assignable to type 'number'/,
  },
  {
    because: "a sparse fieldset naming no field of the type",
    code: `await pco.people.list({ fields: { Person: ["no_such_field"] } });`,
    error: /no_such_field/,
  },
  {
    because: "an attribute left out of the sparse fieldset",
    code: `void (await pco.people.get("1", { fields: { Person: ["first_name"] } })).data.attributes.last_name;`,
    error: /Property 'last_name' does not exist/,
  },
  {
    because: "another type's sparse fieldset naming a field it does not have",
    code: `await pco.people.list({ fields: { Email: ["first_name"] } });`,
    error: /first_name/,
  },
  {
    because: "an action the resource does not have",
    code: `await pco.people.id("1").run();`,
    error: /Property 'run' does not exist on type 'PersonRecord'/,
  },
  {
    because: "an attribute not assignable on update, through an association",
    code: `await pco.people.id("1").phoneNumbers.id("2").update({ created_at: "2024-01-01T00:00:00Z" });`,
    error: /created_at/,
  },
  {
    because: "update of a read-only record by id under an association",
    code: `await pco.people.id("1").messages.id("2").update({});`,
    error: /Property 'update' does not exist on type 'MessageRecord'/,
  },
  {
    because: "a typed action body with a wrong key",
    code: `await pco.people.id("1").workflowCards.id("2").snooze({ days: 15 });`,
    error: /days/,
  },
];

/** Calls a Groups client must refuse: nested includes and relational where the docs do not give. */
export const GROUPS_REJECTIONS: readonly Rejection[] = [
  {
    because: "a nested include under a parent that Event does not include",
    code: `await pco.events.list({ include: ["person.location"] });`,
    error: /"person\.location"/,
  },
  {
    because: "a nested include whose second step the docs do not give",
    code: `await pco.events.list({ include: ["group.memberships"] });`,
    error: /"group\.memberships"/,
  },
  {
    because: "a nested record read on an include that did not ask for it",
    code: `void (await pco.events.list({ include: ["group"] })).data[0]?.group?.location;`,
    error: /Property 'location' does not exist/,
  },
  {
    because: "a relational where on an attribute of the group that is not queryable",
    code: `await pco.events.list({ where: { group: { description: "x" } } });`,
    error: /description/,
  },
  {
    because: "a relational where through a relation Event has no where for",
    code: `await pco.events.list({ where: { attendance_submitter: { first_name: "x" } } });`,
    error: /attendance_submitter/,
  },
  {
    because: "a relational where given a number for a text attribute",
    code: `await pco.events.list({ where: { group: { name: 5 } } });`,
    error: /Type 'number' is not assignable to type 'string'/,
  },
];

/** The file of rejections: each line is expected to fail, with `@ts-expect-error` or not. */
export function rejectionsProgram(
  withDirectives: boolean,
  app = "people",
  rejections: readonly Rejection[] = PEOPLE_REJECTIONS,
): { text: string; lines: number[] } {
  const header = [
    `import { createClient } from "pco-codegen/${app}";`,
    `const pco = createClient();`,
    `const page = await pco.${app === "people" ? "people" : "events"}.list();`,
    `void page;`,
    "",
  ];
  const lines: number[] = [];
  const body = rejections.flatMap((r, i) => {
    const block = [
      `export async function rejected${i}(): Promise<void> {`,
      `  // ${withDirectives ? "@ts-expect-error: " : ""}${r.because}`,
      `  ${r.code}`,
      "}",
      "",
    ];
    lines.push(header.length + i * block.length + 2);
    return block;
  });
  return { text: [...header, ...body].join("\n"), lines };
}

/** Typed results, checked exactly: a wrong type, or `any`, fails to compile. */
export const PEOPLE_SAMPLE = `
import { createClient, type Campus, type Email, type Household, type ListStar, type Organization, type Person, type PhoneNumber, type ResourceTypes } from "pco-codegen/people";
import { verifyWebhook } from "pco-codegen/runtime/webhooks";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): void {}

const pco = createClient({ auth: { appId: "app", secret: "secret" } });
const page = await pco.people.list({ include: ["emails", "primary_campus"], where: { grade: { gte: 3 } } });
const person = page.data[0]!;
expectType<Equals<typeof person.emails, Email[]>>();
expectType<Equals<typeof person.primary_campus, Campus | null>>();
expectType<Equals<typeof person.id, string>>();
expectType<Equals<typeof person.attributes.first_name, string | null>>();
expectType<Equals<typeof person.attributes.grade, number | null>>();
expectType<Equals<typeof person.attributes.child, boolean | null>>();
expectType<Equals<typeof person.attributes.directory_shared_info, { [key: string]: unknown } | null>>();
expectType<Equals<typeof page.meta.total_count, number | undefined>>();

const plain = await pco.people.get("1");
expectType<Equals<typeof plain.data, Person>>();
for await (const p of pco.people.each({ include: ["households"] })) expectType<Equals<typeof p.households, Household[]>>();
const organization = await pco.organization.get();
expectType<Equals<typeof organization.data, Organization>>();
const campus = await pco.people.id("1").primaryCampus.get();
expectType<Equals<typeof campus.data, Campus | null>>();
const star = await pco.lists.id("1").star.create({});
expectType<Equals<typeof star.data, ListStar>>();
expectType<Equals<Parameters<typeof pco.people.id>[0], string | number>>();

// Sparse fieldsets narrow the record; a relationship name is a field; the include's record stays.
const sparse = await pco.people.get("1", { fields: { Person: ["first_name", "emails"], Email: ["address"] }, include: ["emails"] });
expectType<Equals<keyof typeof sparse.data.attributes, "first_name">>();
expectType<Equals<typeof sparse.data.attributes.first_name, string | null>>();
expectType<Equals<typeof sparse.data.emails, Email[]>>();
const narrowPage = await pco.people.list({ fields: { Person: ["last_name"] } });
expectType<Equals<keyof NonNullable<(typeof narrowPage.data)[number]>["attributes"], "last_name">>();

// Any number is a page size (checked at run time).
const size: number = Number("50");
await pco.people.list({ perPage: size });

// A webhook event's record is typed by its resource type.
const events = await verifyWebhook<ResourceTypes>("{}", new Headers(), "secret");
for (const event of events) {
  if (event.type === "Person" && event.action !== "destroyed") expectType<Equals<typeof event.data, Person>>();
  if (event.type === "Email" && event.action === "destroyed") expectType<Equals<typeof event.data, { type: "Email"; id: string }>>();
}
const phoneNumber = pco.people.id("1").phoneNumbers.id("2");
const changedPhone = await phoneNumber.update({ number: "555-0100", primary: true });
expectType<Equals<typeof changedPhone.data, PhoneNumber>>();
const gotPhone = await phoneNumber.get();
expectType<Equals<typeof gotPhone.data, PhoneNumber>>();
await phoneNumber.delete();

// The current user: the Person record, never null.
const me = await pco.me.get({ include: ["emails"] });
expectType<Equals<typeof me.data, Person & { emails: Email[] }>>();
`;

/** Nested includes and relational where on the Groups client, checked exactly. */
export const GROUPS_SAMPLE = `
import { createClient, type Enrollment, type Group, type Location } from "pco-codegen/groups";

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): void {}

const pco = createClient({ auth: { appId: "app", secret: "secret" } });
// A nested include puts the nested record on the included parent.
const events = await pco.events.list({ include: ["group.location"], where: { group: { name: "Youth" } } });
const event = events.data[0]!;
expectType<Equals<typeof event.group, (Group & { location: Location | null }) | null>>();
expectType<Equals<NonNullable<typeof event.group>["location"], Location | null>>();

// Two nested includes under one parent meet on it; a plain include alongside keeps its own type.
const both = await pco.events.get("1", { include: ["group", "group.location", "group.enrollment", "location"] });
expectType<Equals<NonNullable<typeof both.data.group>["location"], Location | null>>();
expectType<Equals<NonNullable<typeof both.data.group>["enrollment"], Enrollment | null>>();
expectType<Equals<typeof both.data.location, Location | null>>();

// Relational where, two relations deep, with a plain where beside it.
await pco.events.list({ where: { location: { group: { name: "Youth" } }, group: { group_type: { id: "3" } }, name: "Picnic" } });
`;
