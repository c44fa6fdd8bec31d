import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { cartReminders, deliveries } from "../../schema/notifications";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { cartRemindersContext, sendDueCartReminders } from "../../workers/notifications";
import { buildServices } from "../../workers/platform/services";
import { choose, db, deliverRepeatedly, feedOf, offer } from "../support/alerts";
import { testIsbn } from "../support/catalog";
import { eventually } from "../support/eventually";
import { api, asSeller, signUp, type TestAccount, type TestSeller } from "../support/identity";
import { waitForMail } from "../support/mail";
import { addToCart, paidOrder } from "../support/orders";

/**
 * Abandoned carts: a signed-in buyer who opted in to marketing hears once of a cart left as it was for
 * CART_REMINDER_DELAY_MINUTES (1440 by default), never twice for the same contents; the minute cron sends them.
 */

const DELAY_MS = 1440 * 60_000;
let seller: TestSeller;
let books = 0;

beforeAll(async () => {
  seller = await asSeller();
});

/** The minute cron's reminder step, as `runScheduled` calls it, at `now`. */
function remindAt(now: number) {
  const config = loadConfig(env);
  const log = createLogger({ test: "cart-reminders" });
  const services = buildServices(env, config, createExecutionContext(), log);
  return sendDueCartReminders(cartRemindersContext({ env, config, services, log }), now);
}

const reminderRow = async (userId: string) =>
  (
    await db
      .select()
      .from(cartReminders)
      .where(eq(cartReminders.cartId, `user:${userId}`))
  )[0];

/** Waits until the buyer's reminder row shows contents other than `before` (the consumer follows CartUpdated). */
function waitForContents(buyer: TestAccount, before?: string) {
  return eventually(async () => {
    const row = await reminderRow(buyer.userId);
    return row && row.contentsKey !== before ? row : undefined;
  });
}

async function aBook(title = `Cart Book ${++books}`) {
  return offer(seller, testIsbn(16_700 + ++books + Math.floor(Math.random() * 100_000) * 100), {
    quantity: 5,
    title,
  });
}

async function optedInBuyer() {
  const buyer = await signUp({ verified: true });
  await choose(buyer.userId, { marketing: { email: true, in_app: true } });
  return buyer;
}

describe("an abandoned cart's reminder", () => {
  it("comes once, after the delay, by mail and in the feed, to a buyer who opted in to marketing", async () => {
    const buyer = await optedInBuyer();
    await addToCart(buyer, (await aBook("The Word for World Is Forest")).id, { quantity: 2 });
    const row = await waitForContents(buyer);
    expect(row.dueAt! - row.changedAt).toBe(DELAY_MS);

    await remindAt(row.dueAt! - 1);
    expect(await feedOf(buyer.userId, "cart-reminder")).toHaveLength(0);

    await remindAt(row.dueAt!);
    const [item] = await feedOf(buyer.userId, "cart-reminder");
    expect(item).toMatchObject({
      category: "marketing",
      title: "Your cart is waiting",
      body: "The Word for World Is Forest",
    });
    const [mail] = await waitForMail(buyer.email, "cart-reminder");
    expect(mail!.text).toContain("2 × The Word for World Is Forest");

    await remindAt(row.dueAt! + DELAY_MS);
    expect(await feedOf(buyer.userId, "cart-reminder")).toHaveLength(1);
    expect(await reminderRow(buyer.userId)).toMatchObject({ dueAt: null, remindedKey: row.contentsKey });
  });

  it("comes again for new contents, but never twice for the same contents", async () => {
    const buyer = await optedInBuyer();
    await addToCart(buyer, (await aBook()).id);
    const first = await waitForContents(buyer);
    await remindAt(first.dueAt!);
    expect(await feedOf(buyer.userId, "cart-reminder")).toHaveLength(1);

    await addToCart(buyer, (await aBook()).id);
    const second = await waitForContents(buyer, first.contentsKey);
    await remindAt(second.dueAt!);
    expect(await feedOf(buyer.userId, "cart-reminder")).toHaveLength(2);

    // Back to the first contents: those were reminded of already.
    const cart = await (await api("/v1/cart", { headers: buyer.auth })).json<{ lines: { lineId: string }[] }>();
    await api(`/v1/cart/items/${cart.lines.at(-1)!.lineId}`, { method: "DELETE", headers: buyer.auth });
    const back = await waitForContents(buyer, second.contentsKey);
    expect(back.contentsKey).toBe(first.contentsKey);
    await remindAt(Date.now() + 2 * DELAY_MS);
    expect(await feedOf(buyer.userId, "cart-reminder")).toHaveLength(2);
  });

  it("never comes without the marketing opt-in", async () => {
    const buyer = await signUp({ verified: true });
    await addToCart(buyer, (await aBook()).id);
    const row = await waitForContents(buyer);
    await remindAt(row.dueAt!);
    expect(await feedOf(buyer.userId, "cart-reminder")).toHaveLength(0);
    const delivered = await db.select().from(deliveries).where(eq(deliveries.userId, buyer.userId));
    expect(delivered.filter((delivery) => delivery.template === "cart-reminder")).toEqual([]);
    expect((await reminderRow(buyer.userId))?.dueAt).toBeNull();
  });

  it("never comes for a cart that emptied or checked out", async () => {
    const emptied = await optedInBuyer();
    await addToCart(emptied, (await aBook()).id);
    const full = await waitForContents(emptied);
    await api("/v1/cart", { method: "DELETE", headers: emptied.auth });
    expect((await waitForContents(emptied, full.contentsKey)).dueAt).toBeNull();

    const bought = await optedInBuyer();
    await addToCart(bought, (await aBook()).id);
    const before = await waitForContents(bought);
    await paidOrder(bought);
    expect((await waitForContents(bought, before.contentsKey)).dueAt).toBeNull();

    await remindAt(Date.now() + 2 * DELAY_MS);
    expect(await feedOf(emptied.userId, "cart-reminder")).toHaveLength(0);
    expect(await feedOf(bought.userId, "cart-reminder")).toHaveLength(0);
  });

  it("is one reminder when the same CartUpdated is delivered twice", async () => {
    const buyer = await optedInBuyer();
    await addToCart(buyer, (await aBook()).id);
    const row = await waitForContents(buyer);
    // As if the consumer had not seen the cart yet: the event comes twice.
    await db.delete(cartReminders).where(eq(cartReminders.cartId, row.cartId));
    const event = createEvent("CartUpdated", {
      cartId: row.cartId,
      userId: buyer.userId,
      change: "added",
      lineCount: 1,
      itemCount: 1,
    });
    await deliverRepeatedly("order-events", event);
    const again = await reminderRow(buyer.userId);
    expect(again).toMatchObject({ contentsKey: row.contentsKey, remindedKey: null });
    await remindAt(again!.dueAt!);
    await remindAt(again!.dueAt! + 1);
    expect(await feedOf(buyer.userId, "cart-reminder")).toHaveLength(1);
  });
});
