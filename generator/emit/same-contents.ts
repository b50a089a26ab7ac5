/** Whether a file holds exactly these contents; a file of another size is not read. */
import { open } from "node:fs/promises";

export async function sameContents(file: string, contents: string): Promise<boolean> {
  const expected = Buffer.from(contents, "utf8");
  const handle = await open(file, "r");
  try {
    if ((await handle.stat()).size !== expected.length) return false;
    const actual = Buffer.allocUnsafe(expected.length);
    let offset = 0;
    while (offset < actual.length) {
      const { bytesRead } = await handle.read(actual, offset, actual.length - offset, offset);
      if (bytesRead === 0) return false;
      offset += bytesRead;
    }
    return actual.equals(expected);
  } finally {
    await handle.close();
  }
}
