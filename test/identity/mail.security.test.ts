import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Outbox, queueSenders } from "../../queues/outbox";
import { loadConfig } from "../../workers/config";
import { requestPasswordReset } from "../../workers/identity/service/recovery";
import { createLogger } from "../../workers/lib/log";
import { buildServices } from "../../workers/platform/services";
import { meteredDb } from "../support/d1-meter";
import { onPlanetScale, tableNames, testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
import { api, asSeller, json, signUp, verifyEmailOf } from "../support/identity";
import { listBook } from "../support/listings";
import { codeIn, type DevMail, waitForMail } from "../support/mail";
import { addToCart, placeOrder } from "../support/orders";

const all = <T>(sql: string, ...values: unknown[]) =>
  testDatabase
    .prepare(sql)
    .bind(...values)
    .all<T>()
    .then((result) => result.results);

/** Waits until the mail consumer has handled every event of `types` recorded for the account. */
async function mailConsumerDone(userId: string, types: string[]): Promise<void> {
  await eventually(async () => {
    const pending = await all<{ event_id: string }>(
      `SELECT o.event_id FROM outbox o LEFT JOIN processed_events p
         ON p.event_id = o.event_id AND p.consumer = 'notifications.mail'
       WHERE o.queue = 'notifications' AND o.type IN (${types.map(() => "?").join(", ")})
         AND o.envelope LIKE ? AND p.event_id IS NULL`,
      ...types,
      `%${userId}%`,
    );
    return pending.length === 0 ? true : undefined;
  });
}

async function mailbox(to: string): Promise<DevMail[]> {
  const response = await api(`/v1/dev/mailbox?to=${encodeURIComponent(to)}&limit=50`);
  return (await response.json<{ items: DevMail[] }>()).items;
}

describe("mailed tokens at rest", () => {
  it("after the verification and reset mails are sent, no table but the dev mailbox holds either token", async () => {
    const email = `at-rest-${crypto.randomUUID().slice(0, 8)}@x.example`;
    expect(
      (await api("/v1/auth/register", json({ email, password: "a long enough password", name: "R" }))).status,
    ).toBe(201);
    const verificationToken = codeIn((await waitForMail(email, "verify-email"))[0]!, "Verification code");
    expect((await api("/v1/auth/password-reset", json({ email }))).status).toBe(202);
    const resetToken = codeIn((await waitForMail(email, "password-reset"))[0]!, "Reset code");
    // The delivery log commits with the consumer's processed-event marker, right after the send.
    await eventually(async () => {
      const rows = await all<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE `to` = ?", email);
      return rows[0]!.n === 2 ? true : undefined;
    });

    const tables = await tableNames();
    expect(tables).toEqual(expect.arrayContaining(["outbox", "dead_letters", "one_time_tokens"]));
    for (const name of tables) {
      const contents = JSON.stringify(await all(`SELECT * FROM \`${name}\``));
      // The dev mailbox is the delivered mail itself in development (production sends it and keeps nothing).
      const expected = name === "dev_mailbox";
      for (const token of [verificationToken, resetToken]) expect(contents.includes(token), name).toBe(expected);
    }
  });
});

describe("password reset for known and unknown addresses", () => {
  /** Runs a reset request on a metered D1 and reports the work it did. */
  async function resetWork(email: string) {
    const config = loadConfig(env);
    const log = createLogger({ test: "reset-work" });
    const ctx = createExecutionContext();
    const { db, meter } = meteredDb(env.DB);
    const services = buildServices(env, config, ctx, log);
    const outbox = new Outbox(db, queueSenders(env), (p) => ctx.waitUntil(p), log);
    await requestPasswordReset(
      { services: { ...services, db, outbox }, config, log, client: { ip: "198.51.100.7", userAgent: "test" } },
      email,
    );
    await waitOnExecutionContext(ctx);
    return { ...meter };
  }

  // D1's own meter counts the work; MySQL has none to read.
  it.skipIf(onPlanetScale)("does the same D1 work whether or not an account uses the address", async () => {
    const account = await signUp();
    const known = await resetWork(account.email);
    const unknown = await resetWork(`nobody-${crypto.randomUUID().slice(0, 8)}@x.example`);
    expect(known.queries).toBeGreaterThan(0);
    expect(unknown).toEqual(known);
  });
});

describe("mail to an address nobody has confirmed", () => {
  it("is the verification mail only: no welcome, no account notice, no order mail", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, { quantity: 1 });
    const buyer = await signUp({ name: "Claimed Reader" });
    const changed = await api(
      "/v1/me/password",
      json({ currentPassword: buyer.password, newPassword: "a brand new passphrase" }, { headers: buyer.auth }),
    );
    expect(changed.status).toBe(204);
    await addToCart(buyer, listing.id);
    const { order } = await placeOrder(buyer);
    const cancelled = await api(`/v1/orders/${order.id}/cancel`, json({ reason: "n/a" }, { headers: buyer.auth }));
    expect(cancelled.status).toBe(200);

    await mailConsumerDone(buyer.userId, ["UserRegistered", "PasswordChanged"]);
    await eventually(async () => {
      const rows = await all<{ n: number }>(
        "SELECT COUNT(*) AS n FROM processed_events WHERE consumer = 'notifications.order-notices' AND event_id IN (SELECT event_id FROM outbox WHERE type = 'OrderCancelled' AND envelope LIKE ?)",
        `%${order.id}%`,
      );
      return rows[0]!.n === 1 ? true : undefined;
    });
    expect((await mailbox(buyer.email)).map((mail) => mail.template)).toEqual(["verify-email"]);
  });

  it("gets the welcome once confirmed, in that order", async () => {
    const account = await signUp();
    await verifyEmailOf(account.email);
    await waitForMail(account.email, "welcome");
    expect((await mailbox(account.email)).map((mail) => mail.template)).toEqual(["welcome", "verify-email"]);
  });
});

describe("a name with a link in it", () => {
  const pitch = "Claim your refund at https://evil.example/claim or www.evil.example, or write to win@evil.example";

  it("reaches the verification mail not at all, and later mail as text no client makes a link of", async () => {
    const account = await signUp({ name: pitch });
    const [verification] = await waitForMail(account.email, "verify-email");
    expect(verification!.text).not.toContain("refund");

    await verifyEmailOf(account.email);
    await waitForMail(account.email, "welcome");
    const stored = await all<{ text: string; html: string }>(
      "SELECT text, html FROM dev_mailbox WHERE template = 'welcome' AND `to` = ?",
      account.email,
    );
    const { text, html } = stored[0]!;
    expect(text).toContain("Claim your refund at");
    for (const part of [text, html]) {
      expect(part).not.toMatch(/https?:\/\/evil|evil\.example|www\.evil|win@/);
      expect(part).not.toContain("evil.");
    }
    // The only link in the HTML part is the store's own.
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([loadConfig(env).PUBLIC_BASE_URL]);
  });
});
