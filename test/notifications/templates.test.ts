import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { notificationsConsumerContext } from "../../workers/notifications/context";
import { notify, type Recipient } from "../../workers/notifications/service/notify";
import { defineTemplate, renderTemplate } from "../../workers/notifications/template";
import { commentReplied, orderShipped, welcome } from "../../workers/notifications/templates";
import { buildServices } from "../../workers/platform/services";
import { XSS } from "../support/community";
import { api, json, signUp } from "../support/identity";
import { deliver, feedRowsOf, mailTo, replied } from "../support/notifications";

const config = loadConfig(env);
const reader = (locale: "en" | "de", name = "Ada"): Recipient => ({
  userId: "usr_reader",
  name,
  email: "ada@bazaar.test",
  locale,
});
const reply = {
  subjectType: "thread",
  subjectId: "thr_1",
  isbn13: "9798000000001",
  reason: "reply",
  authorName: "Estraven",
  subjectTitle: "Is the ending a dream?",
  excerpt: "It is not.",
} as const;
const shipped = {
  orderId: "ord_1",
  storeName: "Bücherstube",
  carrier: "DHL",
  trackingNumber: "BOB-456",
  trackingUrl: null,
  lines: [{ title: "Dune", quantity: 1 }],
};

describe("templates per locale", () => {
  it("renders a reader's language, subject, text, HTML and the feed's short form", () => {
    const german = renderTemplate(commentReplied, reply, config, reader("de"));
    expect(german.mail.subject).toBe("Estraven hat Ihnen auf Book Bazaar geantwortet");
    expect(german.mail.text).toContain("Hallo Ada,");
    expect(german.mail.html).toContain('<html lang="de">');
    expect(german.title).toBe("Estraven hat Ihnen geantwortet");
    const english = renderTemplate(commentReplied, reply, config, reader("en"));
    expect(english.mail.subject).toBe("Estraven replied to you on Book Bazaar");
    expect(english.mail.html).toContain('<html lang="en">');
    expect(renderTemplate(orderShipped, shipped, config, reader("de")).mail.subject).toBe(
      "Bücherstube hat Ihre Book-Bazaar-Bestellung ord_1 verschickt",
    );
  });

  it("falls back to English where a template has no words in the reader's language", () => {
    const englishOnly = defineTemplate({
      kind: "english-only",
      category: "marketing",
      placeholders: z.object({ title: z.string() }),
      link: () => null,
      wording: {
        en: (data) => ({ subject: `New: ${data.title}`, text: "Out now.", title: data.title, body: "Out now." }),
      },
    });
    const rendered = renderTemplate(englishOnly, { title: "Dune" }, config, reader("de"));
    expect(rendered.mail.subject).toBe("New: Dune");
    expect(rendered.mail.html).toContain('<html lang="en">');
  });

  it("follows the profile's locale end to end: a German reader's reply mail is German, footer too", async () => {
    const recipient = await signUp({ verified: true, name: "Grete" });
    const patched = await api("/v1/me", json({ locale: "de" }, { method: "PATCH", headers: recipient.auth }));
    expect(patched.status).toBe(200);
    await deliver(replied(recipient.userId));
    const mail = await mailTo(recipient.email, "comment-replied");
    expect(mail.subject).toBe("Estraven hat Ihnen auf Book Bazaar geantwortet");
    expect(mail.text).toContain("Hallo Grete,");
    expect(mail.text).toMatch(/Von Community-Mails abmelden: \S+\/unsubscribe\?token=/);
    const [item] = await feedRowsOf(recipient.userId);
    expect(item).toMatchObject({ title: "Estraven hat Ihnen geantwortet", body: "It is not." });
  });
});

describe("placeholders", () => {
  it("are validated: a missing or mistyped one throws, naming the template and the field", () => {
    const { trackingNumber: _, ...missing } = shipped;
    expect(() => renderTemplate(orderShipped, missing, config, reader("en"))).toThrow(/order-shipped.*trackingNumber/s);
    expect(() =>
      renderTemplate(orderShipped, { ...shipped, lines: [{ title: "Dune", quantity: 0 }] }, config, reader("en")),
    ).toThrow(/order-shipped/);
  });

  it("fail before any send: notify writes and queues nothing for a notice that does not render", async () => {
    const log = createLogger({ test: "templates" });
    const ctx = notificationsConsumerContext({
      env,
      config,
      services: buildServices(env, config, createExecutionContext(), log),
      log,
    });
    const recipient = await signUp({ verified: true });
    const notice = {
      userId: recipient.userId,
      sourceId: "evt_broken",
      kind: orderShipped.kind,
      category: orderShipped.category,
      data: {},
      render: (to: Recipient) => renderTemplate(orderShipped, { orderId: "ord_1" }, config, to),
    };
    await expect(notify(ctx, notice)).rejects.toThrow(/placeholders do not fit/);
  });
});

describe("HTML part", () => {
  it("escapes what readers wrote and links only the store's own addresses", () => {
    const { mail } = renderTemplate(
      commentReplied,
      { ...reply, authorName: XSS[1], excerpt: `${XSS[0]} see https://evil.example/phish` },
      config,
      reader("en", `${XSS[0]} www.evil.example`),
    );
    expect(mail.html).not.toMatch(/<script|<img|href="https:\/\/evil/);
    // Escaped by JSX; the slash is also a look-alike (inertProse), as in the text part.
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;\u2215script&gt;");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(mail.text).not.toContain("evil.example");
    const links = [...mail.html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(links).toEqual([`${config.PUBLIC_BASE_URL}/books/9798000000001/threads/thr_1`]);
  });

  it("keeps an account mail's layout free of anything but its text", () => {
    const { mail } = renderTemplate(welcome, {}, config, reader("en", "<b>Ada</b>"));
    expect(mail.html).toMatch(/^<!doctype html><html lang="en">/);
    expect(mail.html).toContain("Hello &lt;b&gt;Ada&lt;\u2215b&gt;,");
    expect(mail.headers).toBeUndefined();
  });
});
