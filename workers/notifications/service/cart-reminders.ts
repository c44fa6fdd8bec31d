import type { EventEnvelope } from "../../../queues/event-catalogue";
import { userCartLines } from "../../cart";
import { listedBooks } from "../../catalog";
import { sha256Hex } from "../../lib/tokens";
import { atomically, type Statement } from "../../platform/db";
import type { CartRemindersContext } from "../context";
import { cartReminder } from "../notices/cart-reminders";
import * as store from "../store/cart-reminders";
import { renderTemplate } from "../template";
import { notify } from "./notify";

/**
 * Abandoned carts: a signed-in buyer's cart left as it is for `CART_REMINDER_DELAY_MINUTES` gets one reminder, if
 * the buyer opted in to marketing on some channel, and never a second for the same contents. A cart that empties
 * (checked out, cleared, expired) is reminded of nothing.
 */

type Lines = Awaited<ReturnType<typeof userCartLines>>;

/** What the cart holds, as a key: the same books, covers, inscriptions and quantities give the same key. */
async function contentsKey(lines: Lines): Promise<string> {
  const canonical = lines
    .map((line) => [line.listingId, line.coverOptionId ?? "", line.inscription ?? "", line.quantity].join("\u0000"))
    .sort();
  return sha256Hex(JSON.stringify(canonical));
}

/** `CartUpdated`: new contents start the delay again, unless they are what was reminded of last. */
export async function cartChanged(
  ctx: CartRemindersContext,
  event: EventEnvelope<"CartUpdated">,
  now = Date.now(),
): Promise<Statement[]> {
  const { cartId, userId } = event.data;
  if (!userId) return [];
  const { db } = ctx.services;
  const lines = await userCartLines(ctx.carts, userId);
  const key = await contentsKey(lines);
  if (lines.length === 0) return [store.emptyCart(db, cartId, key, now)];
  const known = await store.reminderOf(db, cartId);
  if (known?.contentsKey === key) return [];
  const dueAt = known?.remindedKey === key ? null : now + ctx.config.CART_REMINDER_DELAY_MINUTES * 60_000;
  return [store.saveContents(db, { cartId, userId, contentsKey: key, changedAt: now, dueAt })];
}

const REMINDERS_PER_RUN = 100;

/**
 * The minute cron: reminds every cart due by `now` whose contents are still those it was due for. One that changed
 * meanwhile, emptied, or whose buyer hears no marketing (or is gone) is dropped; answers how many were reminded.
 */
export async function sendDueCartReminders(ctx: CartRemindersContext, now = Date.now()): Promise<number> {
  const { db, outbox } = ctx.services;
  let reminded = 0;
  for (const due of await store.dueReminders(db, now, REMINDERS_PER_RUN)) {
    try {
      const lines = await userCartLines(ctx.carts, due.userId);
      if (lines.length === 0 || (await contentsKey(lines)) !== due.contentsKey) {
        await store.dropReminder(db, due);
        continue;
      }
      // The contents key names the notice, so contents reminded of once (then changed, then back) are not again.
      const sourceId = `${due.cartId}/${due.contentsKey}`;
      if (await store.remindedBefore(db, due.userId, sourceId, cartReminder.kind)) {
        await atomically(db, [store.markReminded(db, due, now)]);
        continue;
      }
      const books = await listedBooks({ db }, [...new Set(lines.map((line) => line.listingId))]);
      const items = lines.map((line) => ({
        title: books.get(line.listingId)?.title ?? "A book",
        quantity: line.quantity,
      }));
      const effect = await notify(ctx, {
        userId: due.userId,
        sourceId,
        kind: cartReminder.kind,
        category: cartReminder.category,
        data: { cartId: due.cartId, itemCount: lines.reduce((sum, line) => sum + line.quantity, 0) },
        render: (recipient) => renderTemplate(cartReminder, { items }, ctx.config, recipient),
      });
      if (effect.statements.length === 0) {
        await store.dropReminder(db, due);
        continue;
      }
      await outbox.commit([store.markReminded(db, due, now), ...effect.statements], effect.events);
      reminded += 1;
    } catch (error) {
      ctx.log.warn("cart reminder failed; the next run retries", { cartId: due.cartId, error: String(error) });
    }
  }
  return reminded;
}
