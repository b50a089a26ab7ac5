/** The query strings the API reads, as the mock server parses them. */
import { describe, expect, it } from "vitest";
import { parseQuery } from "../../generator/mock/query.js";

describe("parseQuery", () => {
  it("reads where, its operators and association conditions, keeping the raw pairs", () => {
    const query = parseQuery(
      "where[first_name]=Tim%25&where[birthdate][lte]=1981-04-28&where[emails][address]=tim@example.com&per_page=2&offset=4",
    );
    expect(query.where).toEqual([
      { parameter: "where[first_name]", name: "first_name", value: "Tim%" },
      { parameter: "where[birthdate][lte]", name: "birthdate", operator: "lte", value: "1981-04-28" },
      { parameter: "where[emails][address]", name: "emails", associationAttribute: "address", value: "tim@example.com" },
    ]);
    expect(query.pairs[0]).toEqual(["where[first_name]", "Tim%25"]);
    expect(query).toMatchObject({ perPage: "2", offset: "4", ignored: [] });
  });

  it("splits include, filter and order lists, decoding escapes and +", () => {
    const query = parseQuery("include=emails%2Cphone_numbers&filter=admins,+created_since&order=-created_at&fields[Person]=name");
    expect(query.include).toEqual(["emails", "phone_numbers"]);
    expect(query.filter).toEqual(["admins", "created_since"]);
    expect(query.order).toEqual({ parameter: "order", value: "-created_at" });
    expect(query.ignored).toEqual(["fields[Person]"]);
  });

  it.each(["where[first_name=Tim", "where=Tim", "where[a][b][c]=1", "include=%E0%A4%A"])("marks %s malformed", (search) => {
    expect(parseQuery(search).malformed).toBeDefined();
  });
});
