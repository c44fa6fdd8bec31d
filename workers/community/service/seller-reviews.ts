import { z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { decodeCursor, encodeCursor } from "../../http/schemas";
import { newId } from "../../lib/ids";
import { deliveredSellerOrderOf } from "../../orders";
import { sellerStore } from "../../sellers";
import { authorNameOf } from "../authors";
import type { CommunityContext } from "../context";
import { holdIfFlagged } from "../held";
import { sellerRatingMoves } from "../ratings";
import type { SellerReviewBody, SellerReviewView } from "../schemas";
import { screen } from "../screening";
import { sentimentOf } from "../sentiment";
import * as store from "../store/seller-reviews";

/**
 * Buyers' ratings of sellers: one per delivered seller order, by its buyer, screened and scored like a book
 * review and committed with its move of the seller's rating. A comment the filter flags keeps the review
 * `pending`, out of the seller's rating, with a moderation item for a moderator to approve or remove it.
 */

const sellerReviewView = (row: store.SellerReviewRow): SellerReviewView => ({
  id: row.id,
  sellerId: row.sellerId,
  sellerOrderId: row.sellerOrderId,
  authorName: row.authorName,
  rating: row.rating,
  comment: row.comment,
  status: row.status,
  createdAt: new Date(row.createdAt).toISOString(),
});

const alreadyReviewed = () => new AppError("already_reviewed", "You have already rated the seller of this order.");

/** Rates the seller of one of the buyer's delivered seller orders. */
export async function reviewSeller(
  ctx: CommunityContext,
  buyerId: string,
  sellerOrderId: string,
  input: SellerReviewBody,
  now = Date.now(),
): Promise<SellerReviewView> {
  const { db, outbox } = ctx.services;
  const sellerOrder = await deliveredSellerOrderOf(ctx, buyerId, sellerOrderId);
  if (!sellerOrder) throw new AppError("not_found", `No seller order ${sellerOrderId} of yours.`);
  if (!sellerOrder.delivered) {
    throw new AppError("not_delivered", "Rate the seller once the parcel has been delivered.");
  }
  if (await store.sellerReviewOfOrder(db, sellerOrderId)) throw alreadyReviewed();
  const screening = screen(input.comment);
  const row: store.SellerReviewRow = {
    id: newId("srv"),
    sellerId: sellerOrder.sellerId,
    sellerOrderId,
    buyerId,
    authorName: await authorNameOf(ctx, buyerId),
    rating: input.rating,
    comment: input.comment ?? null,
    sentiment: sentimentOf(input.comment),
    status: screening.publish ? "published" : "pending",
    createdAt: now,
    updatedAt: now,
  };
  const held = await holdIfFlagged(ctx, { type: "seller_review", id: row.id, authorId: buyerId }, screening, now);
  try {
    await outbox.commit(
      [store.insertSellerReview(db, row), ...sellerRatingMoves(ctx, row, null, row), ...held.statements],
      held.events,
    );
  } catch (error) {
    if (store.isSecondSellerReview(error)) throw alreadyReviewed();
    throw error;
  }
  return sellerReviewView(row);
}

const SellerReviewCursor = z.object({ t: z.number(), id: z.string() });

/** A page of a seller's published reviews, newest first; an unknown seller is 404. */
export async function reviewsOfSeller(
  ctx: CommunityContext,
  sellerId: string,
  page: { limit: number; cursor?: string },
) {
  await sellerStore(ctx, sellerId);
  const cursor = decodeCursor(page.cursor, SellerReviewCursor);
  const rows = await store.sellerReviewsOf(
    ctx.services.db,
    sellerId,
    page.limit,
    cursor && { time: cursor.t, id: cursor.id },
  );
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    items: shown.map(sellerReviewView),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ t: last.createdAt, id: last.id }) : null,
  };
}
