// Copied by `npm run generate` from templates/runtime/upload.ts. Do not edit.
/**
 * The first step of a file upload: a multipart POST to the upload endpoint,
 * whose answer names the file id to pass as a file attribute. Its own module,
 * loaded on first use, so that programs that never upload do not carry it.
 */
import { documentProblem } from "./document-shape.js";
export async function upload(http, field, file, options = {}) {
    const path = new URL(http.uploadUrl).pathname;
    const form = new FormData();
    form.append(field, file, options.name);
    const answer = await http.send("POST", http.uploadUrl, { ...options, form });
    const problem = documentProblem(answer);
    if (problem)
        throw http.fail(problem, "POST", path);
    const data = answer?.data;
    const uploaded = Array.isArray(data) ? data[0] : data;
    if (typeof uploaded !== "object" || uploaded === null)
        throw http.fail("the upload answer names no file id", "POST", path);
    return uploaded;
}
