import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { buildServices } from "../../workers/platform/services";
import { escalateUnansweredTickets, postMessage, setTicketStatus, supportContext } from "../../workers/support";
import { escalateTicket, openTicket } from "../../workers/support/service";
import { deliverRepeatedly, feedOf, quietPeriod, waitForFeed } from "../support/alerts";
import { eventually } from "../support/eventually";
import { api, asAdmin, json, type TestAccount, type TestSeller, verifyEmailOf } from "../support/identity";
import { waitForMail } from "../support/mail";
import { orderToReturn } from "../support/returns";

/**
 * A ticket's news reaches the other side of whoever caused it, by feed and mail: tickets are opened, answered and
 * moved through the support module's own service, as its routes do, and the notices come through the real queue.
 */

const config = loadConfig(env);
const support = supportContext({
  env,
  config,
  services: buildServices(env, config, createExecutionContext(), createLogger({ test: true })),
});

const sellerCaller = (seller: TestSeller) => ({
  kind: "seller" as const,
  userId: seller.userId,
  sellerId: seller.sellerId,
});
const adminCaller = (admin: TestAccount) => ({ kind: "support" as const, userId: admin.userId });
const buyerCaller = (buyer: TestAccount) => ({ kind: "buyer" as const, userId: buyer.userId });

/** A buyer and the seller of their delivered part, both with confirmed addresses, and a ticket about that part. */
async function sellerTicket(subject = "The parcel came without the second volume") {
  const { sellers, buyer, part } = await orderToReturn();
  const seller = sellers[0];
  await Promise.all([verifyEmailOf(buyer.email), verifyEmailOf(seller.email)]);
  const ticket = await openTicket(support, buyer.userId, {
    sellerOrderId: part.id,
    category: "order_issue",
    subject,
    body: "Volume two of the set is missing from the parcel.",
  });
  return { buyer, seller, ticket };
}

/** Waits for the user's notice of `kind` about this ticket (an admin's feed holds every ticket's). */
const waitForTicketNotice = (userId: string, kind: string, ticketId: string, body?: string) =>
  eventually(async () =>
    (await feedOf(userId, kind)).find((n) => n.data.ticketId === ticketId && (body === undefined || n.body === body)),
  );

let admin: TestAccount;
beforeAll(async () => {
  admin = await asAdmin();
});

describe("support notices of a seller ticket", () => {
  it("tell the seller of a new ticket, and each side of the other's message, never the author", async () => {
    const { buyer, seller, ticket } = await sellerTicket();
    const [opened] = await waitForFeed(seller.userId, "support-ticket-opened");
    expect(opened).toMatchObject({
      category: "support",
      title: "A buyer opened a support ticket",
      body: "The parcel came without the second volume",
      data: { ticketId: ticket.id },
    });
    expect(opened!.link).toMatch(new RegExp(`/console/support/${ticket.id}$`));
    const [openedMail] = await waitForMail(seller.email, "support-ticket-opened");
    expect(openedMail!.text).toContain("Volume two of the set is missing from the parcel.");
    expect(openedMail!.text).toContain(`within ${config.SUPPORT_SELLER_REPLY_HOURS} hours`);

    await postMessage(support, sellerCaller(seller), ticket.id, {
      body: "Sorry about that: volume two is on its way.",
    });
    const [answer] = await waitForFeed(buyer.userId, "support-message");
    expect(answer).toMatchObject({
      title: "The seller answered: The parcel came without the second volume",
      body: "Sorry about that: volume two is on its way.",
    });
    expect(answer!.link).toMatch(new RegExp(`/support/tickets/${ticket.id}$`));
    const [answerMail] = await waitForMail(buyer.email, "support-message");
    expect(answerMail!.subject).toBe("New message in the ticket “The parcel came without the second volume”");

    await postMessage(support, buyerCaller(buyer), ticket.id, { body: "Thank you, it arrived." });
    const [toSeller] = await waitForFeed(seller.userId, "support-message");
    expect(toSeller).toMatchObject({
      body: "Thank you, it arrived.",
      title: expect.stringMatching(/^The buyer answered/),
    });
    await quietPeriod(500);
    expect(await feedOf(buyer.userId, "support-message")).toHaveLength(1);
    expect(await feedOf(seller.userId, "support-message")).toHaveLength(1);
    expect(await feedOf(buyer.userId, "support-ticket-opened")).toHaveLength(0);
    expect((await feedOf(admin.userId, "support-ticket-opened")).some((n) => n.data.ticketId === ticket.id)).toBe(
      false,
    );
  });

  it("the reply timer's escalation reaches the buyer, the seller and the admins; then the buyer writes to admins", async () => {
    const { buyer, seller, ticket } = await sellerTicket();
    await waitForFeed(seller.userId, "support-ticket-opened");
    await escalateUnansweredTickets(support, ticket.sellerReplyDueAt! + 1);

    const [toBuyer] = await waitForFeed(buyer.userId, "support-ticket-status");
    expect(toBuyer).toMatchObject({ title: "Our support team now handles your ticket", data: { status: "escalated" } });
    const [toSeller] = await waitForFeed(seller.userId, "support-ticket-status");
    expect(toSeller).toMatchObject({ title: "A ticket went to our support team" });
    const escalated = await waitForTicketNotice(admin.userId, "support-ticket-status", ticket.id);
    expect(escalated).toMatchObject({ title: "A ticket was escalated" });
    expect(escalated!.link).toMatch(new RegExp(`/console/admin/support/${ticket.id}$`));

    await postMessage(support, buyerCaller(buyer), ticket.id, { body: "Nobody answered me." });
    await waitForTicketNotice(admin.userId, "support-message", ticket.id, "Nobody answered me.");
    await quietPeriod(500);
    expect(await feedOf(seller.userId, "support-message")).toHaveLength(0);
  });

  it("a buyer's own escalation is told to admins, not to the buyer nor the seller", async () => {
    const { buyer, seller, ticket } = await sellerTicket();
    await escalateTicket(support, buyer.userId, ticket.id, "The seller keeps me waiting.");
    await waitForTicketNotice(admin.userId, "support-ticket-status", ticket.id);
    await quietPeriod(500);
    expect(await feedOf(buyer.userId, "support-ticket-status")).toHaveLength(0);
    expect(await feedOf(seller.userId, "support-ticket-status")).toHaveLength(0);
  });
});

describe("support notices of a marketplace ticket", () => {
  it("tell every admin of it, the buyer of support's answer and of the resolution, with its note", async () => {
    const { buyer } = await orderToReturn({ delivered: false });
    await verifyEmailOf(buyer.email);
    const ticket = await openTicket(support, buyer.userId, {
      category: "account",
      subject: "I cannot change my address",
      body: "The form refuses my new street.",
    });
    const opened = await waitForTicketNotice(admin.userId, "support-ticket-opened", ticket.id);
    expect(opened.link).toMatch(new RegExp(`/console/admin/support/${ticket.id}$`));

    await postMessage(support, adminCaller(admin), ticket.id, { body: "Which street is it?" });
    await waitForFeed(buyer.userId, "support-message");
    await postMessage(support, buyerCaller(buyer), ticket.id, { body: "Rue de la Paix." });
    await waitForTicketNotice(admin.userId, "support-message", ticket.id, "Rue de la Paix.");

    await setTicketStatus(support, admin.userId, ticket.id, { status: "resolved", note: "Accents are accepted now." });
    const [resolved] = await waitForFeed(buyer.userId, "support-ticket-status");
    expect(resolved).toMatchObject({ title: "Your ticket was resolved", data: { status: "resolved" } });
    const mails = await waitForMail(buyer.email, "support-ticket-status");
    expect(mails[0]!.text).toContain("Note: Accents are accepted now.");
    await quietPeriod(500);
    expect(await feedOf(buyer.userId, "support-message")).toHaveLength(1);
  });
});

describe("support notices in German", () => {
  it("reach a buyer whose locale is de in German", async () => {
    const { buyer, seller, ticket } = await sellerTicket("Falsche Ausgabe geliefert");
    const patched = await api("/v1/me", json({ locale: "de" }, { method: "PATCH", headers: buyer.auth }));
    expect(patched.status).toBe(200);
    await postMessage(support, sellerCaller(seller), ticket.id, { body: "Die richtige Ausgabe ist unterwegs." });
    const [mail] = await waitForMail(buyer.email, "support-message");
    expect(mail!.subject).toBe("Neue Nachricht zur Anfrage „Falsche Ausgabe geliefert“");
    expect(mail!.text).toContain("Der Verkäufer schreibt:");
    const [item] = await waitForFeed(buyer.userId, "support-message");
    expect(item!.title).toBe("Der Verkäufer hat geantwortet: Falsche Ausgabe geliefert");
  });
});

describe("a redelivered support event", () => {
  it("of a message notifies once", async () => {
    const { buyer, seller, ticket } = await sellerTicket();
    const event = createEvent("SupportMessagePosted", {
      ticketId: ticket.id,
      messageId: `tkm_${"4".repeat(32)}`,
      buyerId: buyer.userId,
      sellerId: seller.sellerId,
      subject: ticket.subject,
      status: "awaiting_seller",
      authorRole: "seller",
      body: "Delivered three times, told once.",
    });
    await deliverRepeatedly("notifications", event, 3);
    await quietPeriod(500);
    expect(await feedOf(buyer.userId, "support-message")).toHaveLength(1);
    expect(await waitForMail(buyer.email, "support-message")).toHaveLength(1);
    expect(await feedOf(seller.userId, "support-message")).toHaveLength(0);
  });

  it("of the reply timer's escalation notifies each party once", async () => {
    const { buyer, seller, ticket } = await sellerTicket();
    const event = createEvent("SupportTicketStatusChanged", {
      ticketId: ticket.id,
      buyerId: buyer.userId,
      sellerId: seller.sellerId,
      subject: ticket.subject,
      from: "awaiting_seller",
      to: "escalated",
      actor: "system:support-escalation",
      note: "The seller did not answer in time.",
    });
    await deliverRepeatedly("notifications", event, 3);
    await quietPeriod(500);
    expect(await feedOf(buyer.userId, "support-ticket-status")).toHaveLength(1);
    expect(await feedOf(seller.userId, "support-ticket-status")).toHaveLength(1);
    const toAdmin = (await feedOf(admin.userId, "support-ticket-status")).filter((n) => n.data.ticketId === ticket.id);
    expect(toAdmin).toHaveLength(1);
  });
});
