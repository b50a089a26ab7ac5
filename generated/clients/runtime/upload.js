export async function upload(http, sendForDocument, field, file, options = {}) {
    const path = new URL(http.uploadUrl).pathname;
    const form = new FormData();
    form.append(field, file, options.name);
    const answer = await sendForDocument("POST", http.uploadUrl, { ...options, form });
    const data = answer?.data;
    const uploaded = Array.isArray(data) ? data[0] : data;
    if (typeof uploaded !== "object" || uploaded === null)
        throw http.fail("the upload answer names no file id", "POST", path);
    return uploaded;
}
