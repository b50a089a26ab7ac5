#!/usr/bin/env node
// The package's command. The generator is compiled to dist/ by `npm run build`
// (run automatically by `npm ci` through the prepare script).
import { main } from "../dist/generator/cli.js";

process.exitCode = await main(process.argv.slice(2));
