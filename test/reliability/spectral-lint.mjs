// Lints one OpenAPI document with Spectral's `spectral:oas` rules and prints
// its errors as JSON lines: `{ "code", "message", "path" }`. One process per
// document, because Spectral run over a document with members named
// `constructor` freezes Object.prototype in the process that runs it (and
// fails on the next document).
import { readFileSync } from "node:fs";
import spectralCore from "@stoplight/spectral-core";
import spectralParsers from "@stoplight/spectral-parsers";
import spectralRulesets from "@stoplight/spectral-rulesets";

// Spectral cannot read two names: its JSON parser assigns a `__proto__` member
// (making its value the object's prototype), and its resolver calls
// `target.hasOwnProperty`, which a member of that name hides. Both are
// renamed alike, as keys and as values, before it reads a document.
const forSpectral = (text) => text.replace(/"(__proto__|hasOwnProperty)"/g, '"$1_renamed"');

const spectral = new spectralCore.Spectral();
spectral.setRuleset({ extends: [[spectralRulesets.oas, "recommended"]] });
const file = process.argv[2];
const results = await spectral.run(new spectralCore.Document(forSpectral(readFileSync(file, "utf8")), spectralParsers.Json, file));
for (const r of results.filter((result) => result.severity === 0)) {
  console.log(JSON.stringify({ code: r.code, message: r.message, path: r.path.join("/") }));
}
