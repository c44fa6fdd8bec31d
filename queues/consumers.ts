import { deletedUserCart } from "../workers/cart";
import { importChunkConsumer, sellerWithdrawal, stockCopyConsumer, viewCounter } from "../workers/catalog";
import { deletedAuthor } from "../workers/community";
import {
  communityNoticeConsumer,
  deliveryConsumer,
  deliveryGiveUp,
  mailConsumer,
  orderNoticeConsumer,
} from "../workers/notifications";
import { cancellationConsumer, paymentOutcomeConsumer } from "../workers/orders";
import { coverPrintConsumer, printJobStatusConsumer } from "../workers/printing";
import type { AnyConsumer } from "./consumer";
import type { GiveUpHandler } from "./dead-letters";

/** Every consumer of the Worker's queues, by module. */
export const consumers: readonly AnyConsumer[] = [
  mailConsumer,
  orderNoticeConsumer,
  communityNoticeConsumer,
  deliveryConsumer,
  stockCopyConsumer,
  importChunkConsumer,
  viewCounter,
  sellerWithdrawal,
  deletedUserCart,
  deletedAuthor,
  paymentOutcomeConsumer,
  cancellationConsumer,
  coverPrintConsumer,
  printJobStatusConsumer,
];

/** What modules do when the queue gives up on one of their events, beyond recording the dead letter. */
export const giveUpHandlers: readonly GiveUpHandler[] = [deliveryGiveUp];
