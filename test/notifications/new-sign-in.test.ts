import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { newId } from "../../workers/lib/ids";
import { testDatabase } from "../support/database";
import { eventually } from "../support/eventually";
import { api, json, signUp, type TestAccount } from "../support/identity";
import { deliver, deliveriesOf, mailTo } from "../support/notifications";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0 see https://evil.example";

async function logInFrom(account: TestAccount, userAgent: string, ip = "203.0.113.9") {
  const response = await api(
    "/v1/auth/login",
    json(
      { email: account.email, password: account.password },
      { headers: { "user-agent": userAgent, "cf-connecting-ip": ip } },
    ),
  );
  expect(response.status).toBe(200);
}

/** The account's UserAuthenticated events, once the mail consumer has handled every one of them. */
async function signInsHandled(userId: string) {
  return eventually(async () => {
    const { results } = await testDatabase
      .prepare(
        `SELECT o.envelope, p.event_id AS done FROM outbox o LEFT JOIN processed_events p
           ON p.event_id = o.event_id AND p.consumer = 'notifications.mail'
         WHERE o.type = 'UserAuthenticated' AND o.envelope LIKE ? ORDER BY o.event_id`,
      )
      .bind(`%${userId}%`)
      .all<{ envelope: string; done: string | null }>();
    if (results.some((row) => row.done === null)) return undefined;
    return results.map((row) => JSON.parse(row.envelope).data as { newDevice?: boolean });
  });
}

const signInMails = async (to: string) =>
  (
    await testDatabase
      .prepare("SELECT subject, text FROM dev_mailbox WHERE `to` = ? AND template = 'new-sign-in'")
      .bind(to.toLowerCase())
      .all<{ subject: string; text: string }>()
  ).results;

describe("new sign-in mail", () => {
  it("tells the owner of a sign-in from a browser the account never used: when, from which IP, which agent", async () => {
    const account = await signUp({ verified: true, name: "Ada" });
    await logInFrom(account, FIREFOX);
    const mail = await mailTo(account.email, "new-sign-in");
    expect(mail.subject).toBe("New sign-in to your Book Bazaar account");
    expect(mail.text).toContain("Hello Ada,");
    expect(mail.text).toMatch(/Time: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
    expect(mail.text).toContain("IP address: 203.0.113.9");
    expect(mail.text).toContain("Device: Mozilla");
    // The user agent is whatever the client sent: no link can be made of it.
    expect(mail.text).not.toContain("https://evil.example");
    expect(mail.html).not.toContain("evil.example");
    expect(mail.headers).toBeNull();

    // The same browser again is no longer new.
    await logInFrom(account, FIREFOX, "203.0.113.10");
    expect((await signInsHandled(account.userId)).map((data) => data.newDevice ?? false)).toEqual([false, true, false]);
    expect(await signInMails(account.email)).toHaveLength(1);
  });

  it("sends nothing at an account's first sign-in, nor to an address nobody confirmed", async () => {
    const unconfirmed = await signUp();
    await logInFrom(unconfirmed, FIREFOX);
    expect((await signInsHandled(unconfirmed.userId)).map((data) => data.newDevice ?? false)).toEqual([false, true]);
    expect(await signInMails(unconfirmed.email)).toEqual([]);
  });

  it("is written in the owner's language", async () => {
    const account = await signUp({ verified: true, name: "Grete" });
    await api("/v1/me", json({ locale: "de" }, { method: "PATCH", headers: account.auth }));
    await logInFrom(account, FIREFOX);
    const mail = await mailTo(account.email, "new-sign-in");
    expect(mail.subject).toBe("Neue Anmeldung bei Ihrem Book-Bazaar-Konto");
    expect(mail.text).toContain("IP-Adresse: 203.0.113.9");
  });

  it("is one mail however often the queue delivers the sign-in", async () => {
    const account = await signUp({ verified: true });
    const event = createEvent("UserAuthenticated", {
      userId: account.userId,
      sessionId: newId("ses"),
      newDevice: true,
      signedInFrom: { ip: "203.0.113.11", userAgent: "curl/8.0" },
    });
    expect(await deliver(event, event)).toEqual(["m-0", "m-1"]);
    expect(await signInMails(account.email)).toHaveLength(1);
    expect(await deliveriesOf(event.id)).toHaveLength(1);
  });
});
