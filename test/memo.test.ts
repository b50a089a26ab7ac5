/** A remembered function answers as the function does, computes each key once, and holds a bounded number of answers. */
import { expect, it } from "vitest";
import { memoized } from "../generator/util/memo.js";

it("computes each key once, undefined answers included, and starts again past its limit", () => {
  const calls: string[] = [];
  const shout = memoized((key) => {
    calls.push(key);
    return key === "none" ? undefined : key.toUpperCase();
  }, 3);
  expect([shout("a"), shout("a"), shout("none"), shout("none"), shout("b")]).toEqual(["A", "A", undefined, undefined, "B"]);
  expect(calls).toEqual(["a", "none", "b"]);
  shout("c"); // the fourth key: the three remembered are forgotten
  shout("a");
  expect(calls).toEqual(["a", "none", "b", "c", "a"]);
});
