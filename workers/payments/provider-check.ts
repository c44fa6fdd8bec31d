import type { Money } from "../lib/money";
import type { Services } from "../platform/services";
import type { ProviderRecords } from "./provider";
import type { Finding, PayoutLedgerSource } from "./reconciliation";
import { receiveWebhook } from "./service";
import * as store from "./store";

/**
 * Reconciliation against the provider's own records of the window: a capture Book Bazaar never heard of (a lost
 * success webhook) is replayed through the webhook path; refunds, and with the payouts ledger transfers and
 * reversals, are matched one to one; the ledger's own check is the payouts module's.
 */

interface Span {
  /** Where the provider's records are listed from: earlier than the run's window, for payments settling late. */
  listFrom: number;
  since: number;
  now: number;
  /** Records newer than this may still have their other side on the way; they wait for the next run. */
  settledBefore: number;
}

const shown = (money: Money) => `${money.amount} ${money.currency}`;
const same = (a: Money, b: Money) => a.amount === b.amount && a.currency === b.currency;

export async function checkProvider(services: Services, payouts: PayoutLedgerSource | undefined, span: Span) {
  let records: ProviderRecords;
  try {
    records = await services.payments.listRecords({ from: span.listFrom, to: span.now });
  } catch (error) {
    const detail = `The provider's records could not be listed (${String(error).slice(0, 200)}); only the database was compared.`;
    return { findings: [finding("provider_unlisted", detail)], recordsChecked: 0 };
  }
  const findings = [
    ...(await checkCaptures(services, records.captures, span)),
    ...(await checkRefunds(services, records.refunds, span)),
    ...(payouts ? await checkPayouts(payouts, records, span) : []),
  ];
  const { captures, refunds, transfers, reversals } = records;
  return { findings, recordsChecked: captures.length + refunds.length + transfers.length + reversals.length };
}

function finding(kind: Finding["kind"], detail: string, about: Partial<Finding> = {}): Finding {
  return { kind, orderId: null, paymentId: null, sellerId: null, repair: null, repairedAt: null, detail, ...about };
}

async function checkCaptures(services: Services, captures: ProviderRecords["captures"], span: Span) {
  const { db, payments: provider } = services;
  const ours = new Map(
    (
      await store.paymentsByProviderIds(
        db,
        provider.name,
        captures.map((capture) => capture.providerPaymentId),
      )
    ).map((payment) => [payment.providerPaymentId, payment]),
  );
  const found: Finding[] = [];
  for (const capture of captures) {
    const payment = ours.get(capture.providerPaymentId);
    if (!payment) {
      if (capture.createdAt >= span.settledBefore) continue;
      found.push(
        finding(
          "provider_capture_unknown",
          `The provider captured ${shown(capture.amount)} as ${capture.providerPaymentId}; Book Bazaar has no such payment.`,
        ),
      );
      continue;
    }
    const about = { orderId: payment.orderId, paymentId: payment.id };
    if (payment.status === "succeeded") {
      const kept = { amount: payment.capturedAmount, currency: payment.capturedCurrency ?? payment.currency };
      if (!same(kept, capture.amount)) {
        found.push(
          finding(
            "capture_amount_disagrees",
            `The provider captured ${shown(capture.amount)}, the payment records ${shown(kept)}.`,
            about,
          ),
        );
      }
      continue;
    }
    if (payment.updatedAt >= span.settledBefore) continue;
    found.push(await replayCapture(services, payment, capture));
  }
  return found;
}

/** The success the provider sent and Book Bazaar never received, applied now exactly as the webhook would be. */
async function replayCapture(
  services: Services,
  payment: store.PaymentRow,
  capture: ProviderRecords["captures"][number],
): Promise<Finding> {
  const about = { orderId: payment.orderId, paymentId: payment.id };
  const detail = `The provider captured ${shown(capture.amount)}, the payment is still ${payment.status}: its success webhook never arrived.`;
  const providerEventId = `replay_${capture.providerPaymentId}_succeeded`;
  try {
    const outcome = await receiveWebhook(
      services,
      services.payments,
      {
        kind: "payment_succeeded",
        providerEventId,
        type: "reconciliation.replayed_capture",
        providerPaymentId: capture.providerPaymentId,
        amount: capture.amount,
      },
      JSON.stringify({ replayedBy: "reconciliation", capture }),
    );
    const repair = `Replayed the capture through the webhook path as ${providerEventId} (${outcome}); the order is paid the way the webhook would have paid it.`;
    return finding("capture_not_received", detail, { ...about, repair, repairedAt: Date.now() });
  } catch (error) {
    return finding("capture_not_received", `${detail} Replaying it failed: ${String(error).slice(0, 200)}`, about);
  }
}

async function checkRefunds(services: Services, refunds: ProviderRecords["refunds"], span: Span) {
  const { db } = services;
  const found: Finding[] = [];
  const ours = new Map(
    (
      await store.refundsByProviderIds(
        db,
        refunds.map((refund) => refund.providerRefundId),
      )
    ).map((refund) => [refund.providerRefundId, refund]),
  );
  const paymentOf = new Map(
    (
      await store.paymentsByProviderIds(db, services.payments.name, [
        ...new Set(refunds.flatMap((refund) => (refund.providerPaymentId ? [refund.providerPaymentId] : []))),
      ])
    ).map((payment) => [payment.providerPaymentId, payment]),
  );
  for (const refund of refunds) {
    const row = ours.get(refund.providerRefundId);
    const payment = refund.providerPaymentId ? paymentOf.get(refund.providerPaymentId) : undefined;
    const about = {
      orderId: row?.orderId ?? payment?.orderId ?? null,
      paymentId: row?.paymentId ?? payment?.id ?? null,
    };
    if (!row) {
      if (refund.createdAt < span.since || refund.createdAt >= span.settledBefore) continue;
      found.push(
        finding(
          "refund_only_at_provider",
          `The provider refunded ${shown(refund.amount)} as ${refund.providerRefundId}; Book Bazaar has no record of that refund.`,
          about,
        ),
      );
    } else if (!same({ amount: row.amount, currency: row.currency }, refund.amount)) {
      found.push(
        finding(
          "refund_amount_disagrees",
          `Refund ${row.id} records ${row.amount} ${row.currency}, the provider's ${refund.providerRefundId} ${shown(refund.amount)}.`,
          about,
        ),
      );
    }
  }
  const listed = new Set(refunds.map((refund) => refund.providerRefundId));
  for (const row of await store.refundsCreatedBetween(db, span.since, span.settledBefore)) {
    if (listed.has(row.providerRefundId)) continue;
    found.push(
      finding(
        "refund_missing_at_provider",
        `Refund ${row.id} of ${row.amount} ${row.currency} (${row.providerRefundId}) is not among the provider's refunds.`,
        { orderId: row.orderId, paymentId: row.paymentId },
      ),
    );
  }
  return found;
}

/** Transfers and reversals one to one with the payouts ledger's, and the ledger's own per-seller check. */
async function checkPayouts(payouts: PayoutLedgerSource, records: ProviderRecords, span: Span) {
  const found: Finding[] = [];
  const [transfers, recentTransfers, reversals, recentReversals, mismatches] = await Promise.all([
    payouts.transfersBetween(span.listFrom, span.now),
    payouts.transfersBetween(span.since, span.settledBefore),
    payouts.reversalsBetween(span.listFrom, span.now),
    payouts.reversalsBetween(span.since, span.settledBefore),
    payouts.ledgerMismatches(),
  ]);
  const transferOf = new Map(transfers.map((transfer) => [transfer.providerTransferId, transfer]));
  for (const listed of records.transfers) {
    const ours = transferOf.get(listed.providerTransferId);
    if (!ours) {
      if (listed.createdAt < span.since || listed.createdAt >= span.settledBefore) continue;
      found.push(
        finding(
          "transfer_only_at_provider",
          `The provider transferred ${shown(listed.amount)} as ${listed.providerTransferId}; the payouts ledger has no such transfer.`,
          { orderId: listed.transferGroup },
        ),
      );
    } else if (!same(ours.amount, listed.amount)) {
      found.push(
        finding(
          "transfer_amount_disagrees",
          `Transfer ${ours.transferId} is ${shown(ours.amount)}, the provider's ${listed.providerTransferId} ${shown(listed.amount)}.`,
          { sellerId: ours.sellerId, orderId: listed.transferGroup },
        ),
      );
    }
  }
  const transfersListed = new Set(records.transfers.map((transfer) => transfer.providerTransferId));
  for (const ours of recentTransfers) {
    if (transfersListed.has(ours.providerTransferId)) continue;
    found.push(
      finding(
        "transfer_missing_at_provider",
        `Transfer ${ours.transferId} of ${shown(ours.amount)} (${ours.providerTransferId}) is not among the provider's transfers.`,
        { sellerId: ours.sellerId },
      ),
    );
  }
  const reversalOf = new Map(reversals.map((reversal) => [reversal.providerReversalId, reversal]));
  for (const listed of records.reversals) {
    const ours = reversalOf.get(listed.providerReversalId);
    if (!ours) {
      if (listed.createdAt < span.since || listed.createdAt >= span.settledBefore) continue;
      found.push(
        finding(
          "reversal_only_at_provider",
          `The provider reversed ${shown(listed.amount)} as ${listed.providerReversalId}; the payouts ledger has no such reversal.`,
        ),
      );
    } else if (!same(ours.amount, listed.amount)) {
      found.push(
        finding(
          "reversal_amount_disagrees",
          `Reversal ${ours.reversalId} is ${shown(ours.amount)}, the provider's ${listed.providerReversalId} ${shown(listed.amount)}.`,
        ),
      );
    }
  }
  const reversalsListed = new Set(records.reversals.map((reversal) => reversal.providerReversalId));
  for (const ours of recentReversals) {
    if (reversalsListed.has(ours.providerReversalId)) continue;
    found.push(
      finding(
        "reversal_missing_at_provider",
        `Reversal ${ours.reversalId} of ${shown(ours.amount)} (${ours.providerReversalId}) is not among the provider's reversals.`,
      ),
    );
  }
  for (const mismatch of mismatches) {
    found.push(finding("seller_ledger_mismatch", mismatch.detail, { sellerId: mismatch.sellerId }));
  }
  return found;
}
