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
export declare function upload(http: Transport, sendForDocument: (method: string, url: string, options: SendOptions) => Promise<unknown>, field: string, file: Blob, options?: UploadOptions): Promise<UploadedFile>;
