/**
 * `npm run spec:schema`: rewrites the schema module, spec/spec.schema.json and
 * the field table of docs/spec.md from generator/spec/types.ts.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { packageRoot } from "../../util/package-root.js";
import { fieldTable, SCHEMA_JSON, SCHEMA_MODULE, schemaFromTypes, schemaJson, schemaModule, SPEC_DOC, withFieldTable } from "./derive.js";
import { formatSource } from "./format-source.js";

const root = packageRoot();
const schema = schemaFromTypes(root);
const page = await readFile(path.join(root, SPEC_DOC), "utf8");
await writeFile(path.join(root, SCHEMA_MODULE), await formatSource(schemaModule(schema), path.join(root, SCHEMA_MODULE)));
await writeFile(path.join(root, SCHEMA_JSON), schemaJson(schema));
await writeFile(path.join(root, SPEC_DOC), withFieldTable(page, fieldTable(schema)));
console.log(`wrote ${SCHEMA_MODULE}, ${SCHEMA_JSON} and the field table of ${SPEC_DOC} from generator/spec/types.ts`);
