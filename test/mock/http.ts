/** Plain `fetch` against a running mock server, returning status, headers and the parsed body. */
export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export function client(baseUrl: string, headers: Record<string, string> = {}) {
  const call = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const response = await fetch(path.startsWith("http") ? path : `${baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { "Content-Type": "application/vnd.api+json" }) },
      ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === "" ? undefined : JSON.parse(text) };
  };
  return {
    get: (path: string) => call("GET", path),
    post: (path: string, body?: unknown) => call("POST", path, body),
    patch: (path: string, body: unknown) => call("PATCH", path, body),
    delete: (path: string) => call("DELETE", path),
    call,
  };
}
