/**
 * A page size is read only where the docs' three numbers make one, whichever
 * reader reads them: the portal's and the OpenAPI document's numbers, and the
 * words of the Slate site and the saved portal pages.
 */
import { describe, expect, it } from "vitest";
import { pageSize, perPageFromText } from "../../generator/spec/per-page.js";

describe("pageSize", () => {
  it("takes whole numbers with minimum ≤ default ≤ maximum", () => {
    expect(pageSize(1, 100, 25)).toEqual({ min: 1, max: 100, default: 25 });
    expect(pageSize(5, 5, 5)).toEqual({ min: 5, max: 5, default: 5 });
  });

  it.each([
    ["a minimum above the maximum", [50, 10, 25]],
    ["a default outside the bounds", [1, 100, 101]],
    ["a fraction", [1, 100, 2.5]],
    ["a negative number", [-1, 100, 25]],
    ["a number too large to be exact", [1, 2 ** 60, 25]],
    ["a missing number", [1, undefined, 25]],
    ["a number written as text", [1, "100", 25]],
  ])("refuses %s", (_name, [min, max, fallback]) => {
    expect(pageSize(min, max, fallback)).toBeUndefined();
  });
});

describe("perPageFromText", () => {
  it("reads the docs' words", () => {
    expect(perPageFromText("how many records to return per page (min=1, max=100, default=25)")).toEqual({ min: 1, max: 100, default: 25 });
  });

  it("reads none where a number is missing or the three make no page size", () => {
    expect(perPageFromText("how many records to return per page (min=1, max=100)")).toBeUndefined();
    expect(perPageFromText("how many records to return per page (min=50, max=10, default=25)")).toBeUndefined();
  });
});
