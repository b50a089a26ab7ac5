/** The mock server over a legacy-shaped spec: no paging limits, no assignable-attribute lists, odd resource ids. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../generator/mock/server.js";
import { LEGACY } from "../fixtures-render/legacy-spec.js";
import { client } from "./http.js";

let server: MockServer;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startMockServer({ spec: LEGACY, port: 0 });
  api = client(server.url, { "X-PCO-API-Version": "legacy" });
});
afterAll(() => server.close());

describe("a mock server of a legacy spec", () => {
  it("lists with the API's default page size", async () => {
    const folders = await api.get("/resources/v2/folders");
    expect(folders.status).toBe(200);
    expect(folders.body.data).toHaveLength(5);
    expect(folders.body.links).toEqual({ self: `${server.url}/resources/v2/folders` });
  });

  it("lets a create set every documented attribute but id, where the docs list none", async () => {
    const created = await api.post("/resources/v2/folders", { data: { type: "Folder", attributes: { name: "Archive" } } });
    expect(created.status).toBe(201);
    expect(created.body.data.attributes).toEqual({ name: "Archive" });
    expect(created.body.data.relationships).toEqual({ parent: { data: null }, mystery: { data: null } });
    const refused = await api.post("/resources/v2/folders", { data: { type: "Folder", attributes: { id: "1" } } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].detail).toBe("id is not an attribute you can assign when you create a Folder");
    const found = await api.get("/resources/v2/folders?where[name]=archive");
    expect(found.body.data.map((f: { id: string }) => f.id)).toEqual([created.body.data.id]);
  });

  it("files a record created under a parent with it", async () => {
    const [folder] = (await api.get("/resources/v2/folders?per_page=1")).body.data as { id: string }[];
    const room = await api.post(`/resources/v2/folders/${folder!.id}/rooms`, { data: { type: "Room", attributes: { name: "Hall" } } });
    expect(room.status).toBe(201);
    expect(room.body.data.relationships.folder.data).toEqual({ type: "Folder", id: folder!.id });
    const rooms = await api.get(`/resources/v2/folders/${folder!.id}/rooms`);
    expect(rooms.body.data.map((r: { id: string }) => r.id)).toContain(room.body.data.id);
    // Room has no get endpoint: the record has no URL of its own, so no Location either.
    expect(room.headers.get("location")).toBeNull();
  });
});
