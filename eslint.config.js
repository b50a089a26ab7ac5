// typescript-eslint's recommended rules over the project's own sources. The
// generated output is not linted: tests compile it with tsc --strict instead.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "generated/**", "node_modules/**", "test/fixtures/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // A leading underscore marks what is unused on purpose: a field left out of a rest object, a callback's ignored argument.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // The readers and the fuzzer find and make control characters (NUL, ESC, form feed) on purpose: hostile input is their subject.
      "no-control-regex": "off",
    },
  },
  {
    files: ["generator/**", "templates/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          // Each spread item is an argument on the stack: past about a hundred thousand (a damaged document's warnings, a hostile
          // answer's linkage) V8 throws a RangeError. Lists are passed whole, or appended item by item.
          selector: ":matches(CallExpression, NewExpression) > SpreadElement",
          message: "f(...items) throws a RangeError on a large array: pass the array, or use appendAll (generator/util/append.ts).",
        },
        {
          // Node's recursive mkdir loops for ever where a folder exists yet takes no new entry (under /proc).
          selector:
            ":matches(CallExpression[callee.name=/^mkdir(Sync)?$/], CallExpression[callee.property.name=/^mkdir(Sync)?$/]) Property[key.name='recursive']",
          message: "A recursive mkdir can loop for ever (under /proc): use makeFolders (generator/util/make-folders.ts).",
        },
      ],
    },
  },
  {
    files: ["test/**"],
    rules: {
      // Tests read JSON:API documents off the wire and poke at their parts; typing each one would say nothing the assertions do not.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["templates/runtime/types.ts"],
    rules: {
      // `includes: {}` is a resource with no include to offer: the empty object type is what is meant.
      "@typescript-eslint/no-empty-object-type": "off",
    },
  },
);
