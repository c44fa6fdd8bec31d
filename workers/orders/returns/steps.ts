import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import type { OrdersContext } from "../context";
import { fromLines } from "../refund-requests";
import { issueRefund } from "../refunds";
import * as store from "../store";
import { type Actor, loadOrder } from "../transitions";
import { returnEvents } from "./events";
import { returnParties } from "./requests";
import type { ReturnDecisionBody, ReturnReceivedBody, ReturnTrackingBody, ReturnView } from "./schemas";
import { presentReturns } from "./views";

/**
 * A return's steps after the request: the seller (or an admin) decides, the buyer sends the copies with tracking,
 * the seller receives them, which refunds them through the refund engine. Each step is compare-and-set on the
 * return's status, with its history row and its ReturnStatusChanged event in the same batch.
 */

type Step = "escalated" | "approved" | "rejected" | "in_transit" | "refunded";

export type ReturnCaller = { kind: "seller"; sellerId: string } | { kind: "admin"; userId: string };

const actorOf = (caller: ReturnCaller): Actor =>
  caller.kind === "seller" ? `seller:${caller.sellerId}` : `admin:${caller.userId}`;

function invalidStep(row: store.ReturnRow, to: Step): AppError {
  return new AppError(
    "invalid_transition",
    `The return is ${row.status.replace(/_/g, " ")}; it cannot become ${to.replace(/_/g, " ")}.`,
    {
      currentStatus: row.status,
      requested: to,
    },
  );
}

/** Moves a return one step, or answers 409 when it is no longer where this step starts. */
export async function stepReturn(
  ctx: Pick<OrdersContext, "services">,
  row: store.ReturnRow,
  to: Step,
  change: {
    actor: string;
    note: string | null;
    patch?: Partial<Omit<store.ReturnRow, "id" | "status" | "updatedAt">>;
    refunded?: { amount: number; currency: string } | null;
  },
): Promise<store.ReturnRow> {
  const { db, outbox } = ctx.services;
  const now = Date.now();
  const parties = await returnParties(ctx, row);
  try {
    await outbox.commit(
      [
        store.moveReturn(db, row, to, { ...change.patch, updatedAt: now }),
        store.insertReturnHistory(db, {
          id: newId("rth"),
          returnId: row.id,
          fromStatus: row.status,
          toStatus: to,
          actor: change.actor,
          note: change.note,
          at: now,
        }),
      ],
      [
        returnEvents.statusChanged(row, parties, {
          to,
          actor: change.actor,
          note: change.note,
          refunded: change.refunded ?? null,
        }),
      ],
    );
  } catch (error) {
    const current = await store.returnById(db, row.id);
    if (current && current.status !== row.status) throw invalidStep(current, to);
    throw error;
  }
  return (await store.returnById(db, row.id))!;
}

/** The return, if the caller may act on it: a seller on their own, an admin on any; else 404. */
async function callersReturn(ctx: OrdersContext, caller: ReturnCaller, returnId: string) {
  const row = await store.returnById(ctx.services.db, returnId);
  if (!row || (caller.kind === "seller" && row.sellerId !== caller.sellerId)) {
    throw new AppError("not_found", "No such return of yours.");
  }
  return row;
}

const present = async (ctx: OrdersContext, row: store.ReturnRow) => (await presentReturns(ctx.services, [row]))[0]!;

/** Approve or reject: a seller while the request is `requested`; an admin also once it is `escalated`. */
export async function decideReturn(
  ctx: OrdersContext,
  caller: ReturnCaller,
  returnId: string,
  body: ReturnDecisionBody,
): Promise<ReturnView> {
  const row = await callersReturn(ctx, caller, returnId);
  const to = body.decision === "approve" ? "approved" : "rejected";
  const decidable = caller.kind === "admin" ? ["requested", "escalated"] : ["requested"];
  if (!decidable.includes(row.status)) throw invalidStep(row, to);
  const actor = actorOf(caller);
  const note = body.note ?? null;
  return present(
    ctx,
    await stepReturn(ctx, row, to, {
      actor,
      note,
      patch: { decisionNote: note, decidedBy: actor, restock: body.restock ?? false },
    }),
  );
}

/** The buyer sends the copies of an approved return back, with the parcel's tracking. */
export async function addReturnTracking(
  ctx: OrdersContext,
  buyerId: string,
  orderId: string,
  returnId: string,
  body: ReturnTrackingBody,
): Promise<ReturnView> {
  const row = await store.returnById(ctx.services.db, returnId);
  if (!row || row.buyerId !== buyerId || row.orderId !== orderId) throw new AppError("not_found", "No such return.");
  if (row.status !== "approved") throw invalidStep(row, "in_transit");
  return present(
    ctx,
    await stepReturn(ctx, row, "in_transit", {
      actor: `buyer:${buyerId}`,
      note: `${body.carrier} ${body.trackingNumber}`,
      patch: { carrier: body.carrier, trackingNumber: body.trackingNumber },
    }),
  );
}

/**
 * The seller has the copies back (sent with tracking, or handed over without): the return's lines are refunded at
 * what was paid for them, under the request key `return:<id>`, so a retry resumes the same refund and never pays
 * twice; then the return is `refunded`. A refunded return answers as it is.
 */
export async function receiveReturn(
  ctx: OrdersContext,
  caller: ReturnCaller,
  returnId: string,
  body: ReturnReceivedBody,
): Promise<ReturnView> {
  const row = await callersReturn(ctx, caller, returnId);
  if (row.status === "refunded") return present(ctx, row);
  if (row.status !== "approved" && row.status !== "in_transit") throw invalidStep(row, "refunded");
  const actor = actorOf(caller);
  const restock = body.restock ?? row.restock;
  const requestKey = `return:${row.id}`;
  // A receipt retried after its refund was claimed resumes that refund as claimed.
  const claimed = await store.refundByKey(ctx.services.db, requestKey);
  const allocation = claimed?.allocation ?? (await returnAllocation(ctx, row));
  const refund = await issueRefund(ctx, {
    orderId: row.orderId,
    requestKey,
    amount: claimed?.amount ?? allocation.sellerOrders.reduce((total, part) => total + part.amount, 0),
    allocation,
    reason: `return ${row.id}: ${row.reason}`,
    restock: claimed?.restock ?? restock,
    actor,
  });
  const refunded = { amount: refund.amount, currency: refund.currency };
  try {
    return present(
      ctx,
      await stepReturn(ctx, row, "refunded", {
        actor,
        note: null,
        patch: { refundId: refund.id, restock: refund.restock },
        refunded,
      }),
    );
  } catch (error) {
    // Two receipts at once: the refund was one; the return answers as the other left it.
    const current = await store.returnById(ctx.services.db, row.id);
    if (current?.status === "refunded") return present(ctx, current);
    throw error;
  }
}

/** The return's lines at what was paid for their copies, charged to its seller order. */
async function returnAllocation(ctx: OrdersContext, row: store.ReturnRow) {
  const state = await loadOrder(ctx.services.db, row.orderId);
  if (!state) throw new AppError("not_found", "No such order.");
  const lines = await store.returnLinesOf(ctx.services.db, [row.id]);
  return fromLines(
    state,
    { kind: "seller", sellerId: row.sellerId },
    lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
  );
}
