// Loaded into a CLI process (NODE_OPTIONS=--import) by atomic-writes.test.ts:
// the process holds where its swap would begin (the swap's journal, written
// once the new tree is staged whole), so that a test killing it while it
// writes cannot lose the race to a fast run. It is killed while it holds.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";

const writeFileSync = fs.writeFileSync;
fs.writeFileSync = function holdingWriteFileSync(file, ...rest) {
  if (typeof file === "string" && /\.swap-\d+$/.test(file)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
  return writeFileSync.call(this, file, ...rest);
};
syncBuiltinESMExports();
