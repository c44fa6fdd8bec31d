import type { Services } from "../../platform/services";
import * as store from "../store";
import type { ReturnView } from "./schemas";

const iso = (at: number | null) => (at === null ? null : new Date(at).toISOString());

/** Returns as buyers, sellers and admins see them: lines with their titles, the refund, every step. */
export async function presentReturns(services: Pick<Services, "db">, rows: store.ReturnRow[]): Promise<ReturnView[]> {
  if (rows.length === 0) return [];
  const { db } = services;
  const ids = rows.map((row) => row.id);
  const orderIds = [...new Set(rows.map((row) => row.orderId))];
  const [lines, history, orderLines, refunds] = await Promise.all([
    store.returnLinesOf(db, ids),
    store.returnHistoryOf(db, ids),
    store.linesOfOrders(db, orderIds),
    Promise.all(orderIds.map((orderId) => store.refundsOf(db, orderId))).then((all) => all.flat()),
  ]);
  return rows.map((row) => {
    const refund = refunds.find((candidate) => candidate.id === row.refundId);
    return {
      id: row.id,
      orderId: row.orderId,
      sellerOrderId: row.sellerOrderId,
      sellerId: row.sellerId,
      status: row.status,
      reason: row.reason,
      comment: row.comment,
      decisionNote: row.decisionNote,
      decidedBy: row.decidedBy,
      restock: row.restock,
      tracking: row.carrier && row.trackingNumber ? { carrier: row.carrier, trackingNumber: row.trackingNumber } : null,
      refundId: row.refundId,
      respondBy: iso(row.respondBy)!,
      escalatedAt: iso(row.escalatedAt),
      lines: lines
        .filter((line) => line.returnId === row.id)
        .map((line) => ({
          lineId: line.lineId,
          title: orderLines.find((orderLine) => orderLine.id === line.lineId)?.title ?? "",
          quantity: line.quantity,
        })),
      refunded: refund ? { amount: refund.amount, currency: refund.currency } : null,
      history: history
        .filter((step) => step.returnId === row.id)
        .map((step) => ({
          from: step.fromStatus,
          to: step.toStatus,
          actor: step.actor,
          note: step.note,
          at: iso(step.at)!,
        })),
      createdAt: iso(row.createdAt)!,
      updatedAt: iso(row.updatedAt)!,
    };
  });
}
