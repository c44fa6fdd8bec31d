import { deletedUserCart } from "../workers/cart/events";
import { importChunkConsumer, sellerWithdrawal, stockCopyConsumer, viewCounter } from "../workers/catalog/events";
import { mailConsumer } from "../workers/notifications/events";
import { cancellationConsumer, paymentOutcomeConsumer } from "../workers/orders/consumers";
import { coverPrintConsumer } from "../workers/printing/events";
import type { AnyConsumer } from "./consumer";

/** Every consumer of the Worker's queues, by module. */
export const consumers: readonly AnyConsumer[] = [
  mailConsumer,
  stockCopyConsumer,
  importChunkConsumer,
  viewCounter,
  sellerWithdrawal,
  deletedUserCart,
  paymentOutcomeConsumer,
  cancellationConsumer,
  coverPrintConsumer,
];
