/**
 * Webhook deliveries posted, with real HMAC-SHA256 signatures (computed here
 * with node:crypto, independently of the runtime's Web Crypto), to a receiver
 * on 127.0.0.1 built the way the docs show: Node `http`, the raw body, and
 * `verifyWebhook`. The receiver answers what it made of each delivery.
 */
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { recentEventIds, verifyWebhook, WebhookError, type WebhookEvent } from "../../templates/runtime/webhooks.js";

const SECRET = "whsec-9f3b2c71a0d84e56";
const seen = recentEventIds();
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      try {
        const events = await verifyWebhook(Buffer.concat(chunks), request.headers, SECRET, { seen });
        response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(events));
      } catch (error) {
        const refused = error instanceof WebhookError;
        response.writeHead(refused ? 401 : 500, { "content-type": "application/json" });
        response.end(JSON.stringify(refused ? { reason: error.reason, message: error.message } : { message: String(error) }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  close = () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
});
afterAll(() => close());

const hmac = (body: string, secret = SECRET) => createHmac("sha256", secret).update(body, "utf8").digest("hex");

function delivery(id: string, name: string, record: object, attempt = 1): string {
  const payload = JSON.stringify({ data: record, included: [], meta: {} });
  return JSON.stringify({
    data: [
      {
        id,
        type: "EventDelivery",
        attributes: { name, attempt, payload },
        relationships: { organization: { data: { type: "Organization", id: "1" } } },
      },
    ],
  });
}

async function post(body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
  return { status: response.status, json: (await response.json()) as { reason?: string; message?: string } & WebhookEvent[] };
}

const created = delivery("evt-created-1", "people.v2.events.person.created", {
  type: "Person",
  id: "7",
  attributes: { first_name: "Zoë" },
});

describe("verifyWebhook", () => {
  test("a valid delivery is read: its event, the record from the payload, and its attempt", async () => {
    const answer = await post(created, { "X-PCO-Webhooks-Authenticity": hmac(created) });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual([
      {
        id: "evt-created-1",
        name: "people.v2.events.person.created",
        attempt: 1,
        type: "Person",
        action: "created",
        data: { type: "Person", id: "7", attributes: { first_name: "Zoë" } },
        payload: { data: { type: "Person", id: "7", attributes: { first_name: "Zoë" } }, included: [], meta: {}, links: {} },
        duplicate: false,
      },
    ]);
  });

  test("a repeated event id is reported as a duplicate, so the caller can deliver it once", async () => {
    const body = delivery("evt-repeat-1", "people.v2.events.person.updated", { type: "Person", id: "8", attributes: {} });
    const retry = delivery("evt-repeat-1", "people.v2.events.person.updated", { type: "Person", id: "8", attributes: {} }, 2);
    const first = await post(body, { "X-PCO-Webhooks-Authenticity": hmac(body) });
    const second = await post(retry, { "X-PCO-Webhooks-Authenticity": hmac(retry) });
    expect([first.json[0]!.duplicate, second.json[0]!.duplicate, second.json[0]!.attempt]).toEqual([false, true, 2]);
  });

  test("a destroyed event carries the record's type and id only", async () => {
    const body = delivery("evt-destroyed-1", "people.v2.events.email.destroyed", { type: "Email", id: "12" });
    const answer = await post(body, { "X-PCO-Webhooks-Authenticity": hmac(body) });
    expect(answer.json[0]).toMatchObject({ action: "destroyed", type: "Email", data: { type: "Email", id: "12" } });
  });

  test.each([
    ["a wrong signature", created, { "X-PCO-Webhooks-Authenticity": "0".repeat(64) }, "bad_signature"],
    ["a signature that is not hex", created, { "X-PCO-Webhooks-Authenticity": "not-a-signature" }, "bad_signature"],
    ["a missing header", created, {}, "missing_signature"],
    ["a tampered body", created.replace("Zoë", "Eve"), { "X-PCO-Webhooks-Authenticity": hmac(created) }, "bad_signature"],
    ["the wrong secret", created, { "X-PCO-Webhooks-Authenticity": hmac(created, "whsec-someone-else") }, "bad_signature"],
    ["a signed body that is not JSON", "{not json", { "X-PCO-Webhooks-Authenticity": hmac("{not json") }, "malformed_body"],
  ])("%s is refused, naming the reason and never the secret", async (_, body, headers, reason) => {
    const answer = await post(body, headers);
    expect([answer.status, answer.json.reason]).toEqual([401, reason]);
    expect(answer.json.message).toMatch(/^webhook delivery refused: /);
    expect(answer.json.message).not.toContain(SECRET);
    expect(answer.json.message).not.toContain(hmac(created));
  });

  test("a signed payload that is not a JSON:API document is refused with its pointer", async () => {
    const body = JSON.stringify({
      data: [
        { id: "e", type: "EventDelivery", attributes: { name: "people.v2.events.person.created", attempt: 1, payload: '{"data":"abc"}' } },
      ],
    });
    const answer = await post(body, { "X-PCO-Webhooks-Authenticity": hmac(body) });
    expect(answer.json).toMatchObject({
      reason: "malformed_body",
      message: "webhook delivery refused: /data/0/attributes/payload: /data is a string, not a resource object",
    });
  });

  test("a Fetch Request's raw body verifies the same way", async () => {
    const request = new Request("http://127.0.0.1/webhooks", {
      method: "POST",
      body: created,
      headers: { "X-PCO-Webhooks-Authenticity": hmac(created).toUpperCase() },
    });
    const events = await verifyWebhook(await request.arrayBuffer(), request.headers, SECRET);
    expect(events.map((e) => [e.type, e.action, e.data.id])).toEqual([["Person", "created", "7"]]);
  });

  test("recentEventIds forgets the oldest id past its size", () => {
    const ids = recentEventIds(2);
    // "c" pushes out "a", the oldest; "b" is still remembered.
    expect(["a", "b", "b", "c", "b", "a"].map((id) => ids.check(id))).toEqual([false, false, true, false, true, false]);
  });
});
