import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { issueTicket } from "../../workers/live";
import { buildServices } from "../../workers/platform/services";
import { signUp } from "../support/identity";
import { liveTicket, upgrade } from "../support/live";

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(await response.json()).toMatchObject({ status, code });
}

describe("the live channel's upgrade (errors)", () => {
  it("opens one socket per ticket: the second use is 401 invalid_ticket", async () => {
    const { ticket } = await liveTicket(await signUp());
    const first = await upgrade({ ticket });
    expect(first.status).toBe(101);
    first.webSocket!.accept();
    await expectProblem(await upgrade({ ticket }), 401, "invalid_ticket");
    first.webSocket!.close(1000);
  });

  it("refuses a ticket past its lifetime (LIVE_TICKET_SECONDS)", async () => {
    const reader = await signUp();
    const config = loadConfig(env);
    const services = buildServices(env, config, createExecutionContext(), createLogger());
    const { ticket } = await issueTicket({ services, objects: env.LIVE, ticketSeconds: 1 }, reader.userId, "http://x");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await expectProblem(await upgrade({ ticket }), 401, "invalid_ticket");
  });

  it("answers a request that is not a WebSocket upgrade 426, and leaves its ticket unused", async () => {
    const { ticket } = await liveTicket(await signUp());
    const plain = await upgrade({ ticket }, { upgrade: "" });
    await expectProblem(plain, 426, "upgrade_required");
    expect(plain.headers.get("upgrade")).toBe("websocket");
    const socket = await upgrade({ ticket });
    expect(socket.status).toBe(101);
    socket.webSocket!.accept();
    socket.webSocket!.close(1000);
  });

  it("is 401 without a ticket or with one that is not a ticket", async () => {
    await expectProblem(await upgrade({}), 401, "invalid_ticket");
    await expectProblem(await upgrade({ ticket: "not-a-ticket" }), 401, "invalid_ticket");
  });

  it("is 400 when `after` is not a message id, before the ticket is used", async () => {
    const { ticket } = await liveTicket(await signUp());
    await expectProblem(await upgrade({ ticket, after: "-1" }), 400, "validation_failed");
    await expectProblem(await upgrade({ ticket, after: "12abc" }), 400, "validation_failed");
    const socket = await upgrade({ ticket, after: "0" });
    expect(socket.status).toBe(101);
    socket.webSocket!.accept();
    socket.webSocket!.close(1000);
  });
});
