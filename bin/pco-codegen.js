#!/usr/bin/env node
// The package's command. The generator is compiled to dist/ by `npm run build`
// (run by `npm ci` through the prepare script, and by `npm pack` and
// `npm publish` through prepack, so the tarball carries it).
import { main } from "../dist/generator/cli.js";

process.exitCode = await main(process.argv.slice(2));
