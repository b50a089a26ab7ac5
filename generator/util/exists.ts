import { access } from "node:fs/promises";

/** Whether anything (file or folder) is at the path; an unreadable parent counts as nothing there. */
export async function exists(target: string): Promise<boolean> {
  try {
    await access(target);
    return true;
  } catch {
    return false;
  }
}
