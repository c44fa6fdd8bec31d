import { z } from "zod";
import type { ConsumerEffect } from "../../../queues/consumer";
import { LISTING_CONDITIONS, type ListedBook, listedBooks, workOfEdition } from "../../catalog";
import { AppError } from "../../http/errors";
import { decodeCursor, encodeCursor } from "../../http/schemas";
import { newId } from "../../lib/ids";
import { MARKETPLACE_CURRENCY } from "../../lib/money";
import { changes } from "../../platform/db";
import { sellerAccounts } from "../../sellers";
import type { NotificationsContext } from "../context";
import { bookAlertMet } from "../notices/book-alerts";
import type { BookAlertBody, BookAlertView } from "../schemas";
import * as store from "../store/book-alerts";
import { renderTemplate } from "../template";
import { type Notice, notifyAll } from "./notify";

/** Book alerts: a reader's wish to hear once of an offer of an edition (back in stock, or below a price). */

/** Open alerts a reader may keep at once; met ones do not count. */
export const MAX_OPEN_ALERTS = 100;

type Condition = (typeof LISTING_CONDITIONS)[number];

function alertView(row: store.BookAlertRow): BookAlertView {
  return {
    id: row.id,
    isbn13: row.isbn13,
    kind: row.kind,
    price:
      row.priceAmount === null || row.currency === null ? null : { amount: row.priceAmount, currency: row.currency },
    condition: row.condition as Condition | null,
    createdAt: new Date(row.createdAt).toISOString(),
    firedAt: row.firedAt === null ? null : new Date(row.firedAt).toISOString(),
    firedListingId: row.firedListingId,
  };
}

/**
 * `POST /v1/books/{isbn}/alerts`: the alert, or the same open alert set before (`created` false). An ISBN of no
 * edition is 404; a price in another currency than the marketplace's, or one alert past the limit, is 422.
 */
export async function setBookAlert(
  ctx: NotificationsContext,
  userId: string,
  isbn: string,
  body: BookAlertBody,
): Promise<{ alert: BookAlertView; created: boolean }> {
  const { db } = ctx.services;
  const edition = await workOfEdition({ db }, isbn);
  if (!edition) throw new AppError("not_found", `No book with ISBN ${isbn.slice(0, 24)}.`);
  if (body.price && body.price.currency !== MARKETPLACE_CURRENCY) {
    throw new AppError("unsupported_currency", `Prices on this marketplace are in ${MARKETPLACE_CURRENCY}.`, {
      errors: [{ path: "price.currency", message: `must be ${MARKETPLACE_CURRENCY}` }],
    });
  }
  const wish = {
    userId,
    editionId: edition.editionId,
    kind: body.kind,
    priceAmount: body.price?.amount ?? null,
    currency: body.price?.currency ?? null,
    condition: body.condition ?? null,
  };
  const same = await store.sameOpenAlert(db, wish);
  if (same) return { alert: alertView(same), created: false };
  if ((await store.openAlertCount(db, userId)) >= MAX_OPEN_ALERTS) {
    throw new AppError("unprocessable", `You can keep at most ${MAX_OPEN_ALERTS} open book alerts; delete one first.`);
  }
  const row: store.BookAlertRow = {
    id: newId("bal"),
    ...wish,
    isbn13: edition.isbn13,
    createdAt: Date.now(),
    firedAt: null,
    firedListingId: null,
  };
  await store.insertBookAlert(db, row);
  return { alert: alertView(row), created: true };
}

const AlertCursor = z.object({ t: z.number(), id: z.string() });

/** `GET /v1/me/alerts`: the reader's alerts, open and met, newest first. */
export async function bookAlertsOf(
  ctx: NotificationsContext,
  userId: string,
  page: { limit: number; cursor?: string },
) {
  const cursor = decodeCursor(page.cursor, AlertCursor);
  const rows = await store.alertsOf(ctx.services.db, userId, page.limit, cursor && { time: cursor.t, id: cursor.id });
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(alertView),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ t: last.createdAt, id: last.id }) : null,
  };
}

/** `DELETE /v1/me/alerts/{id}`: another reader's alert is 404, the same as an unknown one. */
export async function deleteBookAlert(ctx: NotificationsContext, userId: string, id: string): Promise<void> {
  if (changes(await store.deleteAlertOf(ctx.services.db, userId, id)) === 0) {
    throw new AppError("not_found", `No book alert ${id}.`);
  }
}

/** "At least this good": a listing in the asked condition or a better one. */
const rank = (condition: string) => LISTING_CONDITIONS.indexOf(condition as Condition);

function meets(alert: store.BookAlertRow, offer: ListedBook): boolean {
  if (alert.condition !== null && rank(offer.condition) > rank(alert.condition)) return false;
  if (alert.kind === "back_in_stock") return true;
  return (
    alert.currency === offer.price.currency && alert.priceAmount !== null && offer.price.amount < alert.priceAmount
  );
}

/**
 * A listing may have become an offer an alert waits for (listed, changed, copies back): every open alert on its
 * edition that it meets is marked met and its reader told, in one write. Each alert tells once: an alert met by
 * another offer at the same moment makes this write fail (see `markAlertMet`) and the event is retried.
 */
export async function offerAppeared(
  ctx: NotificationsContext,
  listingId: string,
  forSale: (listing: ListedBook) => boolean,
): Promise<ConsumerEffect> {
  const { db } = ctx.services;
  const listing = (await listedBooks({ db }, [listingId])).get(listingId);
  if (!listing || !forSale(listing)) return { statements: [], events: [] };
  const met = (await store.openAlertsOnEdition(db, listing.editionId)).filter((alert) => meets(alert, listing));
  if (met.length === 0) return { statements: [], events: [] };
  const storeName = (await sellerAccounts(ctx, [listing.sellerId])).get(listing.sellerId)?.storeName ?? "A seller";
  const now = Date.now();
  const notices: Notice[] = met.map((alert) => ({
    userId: alert.userId,
    // The alert, not the event, is the notice's source: an alert tells its reader once, whatever met it.
    sourceId: alert.id,
    kind: bookAlertMet.kind,
    category: bookAlertMet.category,
    data: { alertId: alert.id, listingId, isbn13: listing.isbn13 },
    render: (recipient) =>
      renderTemplate(
        bookAlertMet,
        {
          alertKind: alert.kind,
          title: listing.title,
          isbn13: listing.isbn13,
          storeName,
          condition: listing.condition,
          price: listing.price,
          below: alert.kind === "price_below" ? { amount: alert.priceAmount, currency: alert.currency } : null,
        },
        ctx.config,
        recipient,
      ),
  }));
  const effect = await notifyAll(ctx, notices);
  return {
    statements: [...met.map((alert) => store.markAlertMet(db, alert.id, listingId, now)), ...effect.statements],
    events: effect.events,
  };
}
