/** A source file of the project formatted as the project's own prettier configuration says, so that `npm run lint` accepts it. */
import prettier from "prettier";

export async function formatSource(text: string, file: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}
