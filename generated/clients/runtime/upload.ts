// Copied by `npm run generate` from templates/runtime/upload.ts. Do not edit.
/**
 * The first step of a file upload: a multipart POST to the upload endpoint,
 * whose answer names the file id to pass as a file attribute. Its own module,
 * loaded on first use, so that programs that never upload do not carry it.
 * It imports no code of the runtime (a bundler would otherwise move that code
 * into a chunk of its own): the client lends its send, which checks that the
 * answer is a JSON:API document.
 */
import type { SendOptions, Transport } from "./transport.js";
import type { UploadedFile, UploadOptions } from "./types.js";

export async function upload(
  http: Transport,
  sendForDocument: (method: string, url: string, options: SendOptions) => Promise<unknown>,
  field: string,
  file: Blob,
  options: UploadOptions = {},
): Promise<UploadedFile> {
  const path = new URL(http.uploadUrl).pathname;
  const form = new FormData();
  form.append(field, file, options.name);
  const answer = await sendForDocument("POST", http.uploadUrl, { ...options, form });
  const data = (answer as { data?: unknown } | null)?.data;
  const uploaded = Array.isArray(data) ? data[0] : data;
  if (typeof uploaded !== "object" || uploaded === null)
    throw http.fail("the upload answer names no file id", "POST", path);
  return uploaded as UploadedFile;
}
