import { defineConsumer } from "../../queues/consumer";
import type { AnyEvent } from "../../queues/event-catalogue";
import { accountUpdated } from "./accounts";
import { payoutsContext } from "./context";
import { closeDispute, holdDisputed } from "./disputes";
import { postRefund } from "./refunds";
import { postSales } from "./sales";
import { completeSellerOrder } from "./transfers";

const LEDGER_EVENTS = [
  "OrderPaid",
  "RefundIssued",
  "SellerOrderCompleted",
  "PaymentDisputed",
  "PaymentDisputeClosed",
] as const;
type LedgerEvent = Extract<AnyEvent, { type: (typeof LEDGER_EVENTS)[number] }>;

/**
 * The seller ledger, posted from the events that move a seller's money. Every journal is written at most once and
 * every transfer or reversal is claimed before the provider is asked, so a redelivered event changes nothing.
 */
export const sellerLedgerConsumer = defineConsumer({
  name: "payouts.ledger",
  queue: "order-events",
  handles: LEDGER_EVENTS,
  async handle(delivered, context) {
    const ctx = payoutsContext(context);
    const event = delivered as LedgerEvent;
    switch (event.type) {
      case "OrderPaid":
        await postSales(ctx, event.data);
        break;
      case "RefundIssued":
        await postRefund(ctx, event.data);
        break;
      case "SellerOrderCompleted":
        await completeSellerOrder(ctx, event.data);
        break;
      case "PaymentDisputed":
        await holdDisputed(ctx, event.data);
        break;
      case "PaymentDisputeClosed":
        await closeDispute(ctx, event.data);
        break;
    }
    return undefined;
  },
});

/** The provider's word on a connected account; an enabled one is paid what it is owed. */
export const payoutAccountConsumer = defineConsumer({
  name: "payouts.accounts",
  queue: "order-events",
  handles: ["PayoutAccountUpdated"],
  async handle(event, context) {
    await accountUpdated(payoutsContext(context), event.data);
    return undefined;
  },
});
