import { deletedUserCart } from "../workers/cart";
import {
  importChunkConsumer,
  sellerSuspension,
  sellerWithdrawal,
  stockCopyConsumer,
  viewCounter,
} from "../workers/catalog";
import { deletedAuthor } from "../workers/community";
import { funnelCartTally, funnelViewTally, purchaseRecorder, viewerRecorder } from "../workers/insights";
import {
  liveChannelClosure,
  liveListingEdits,
  liveOrderStatus,
  liveSellerOrders,
  liveStockLevels,
} from "../workers/live";
import {
  cartReminderConsumer,
  communityNoticeConsumer,
  deletedAccountConsumer,
  deliveryConsumer,
  deliveryGiveUp,
  listingAlertConsumer,
  mailConsumer,
  orderNoticeConsumer,
  paidSellerOrderConsumer,
  paymentAlertConsumer,
  returnNoticeConsumer,
  stockAlertConsumer,
  stockLowConsumer,
  supportNoticeConsumer,
  weeklyReportConsumer,
} from "../workers/notifications";
import { cancellationConsumer, paymentOutcomeConsumer } from "../workers/orders";
import { payoutAccountConsumer, sellerLedgerConsumer } from "../workers/payouts";
import { coverPrintConsumer, printJobStatusConsumer } from "../workers/printing";
import type { AnyConsumer } from "./consumer";
import type { GiveUpHandler } from "./dead-letters";

/** Every consumer of the Worker's queues, by module. */
export const consumers: readonly AnyConsumer[] = [
  mailConsumer,
  orderNoticeConsumer,
  returnNoticeConsumer,
  supportNoticeConsumer,
  communityNoticeConsumer,
  deliveryConsumer,
  stockLowConsumer,
  paidSellerOrderConsumer,
  paymentAlertConsumer,
  weeklyReportConsumer,
  deletedAccountConsumer,
  cartReminderConsumer,
  listingAlertConsumer,
  stockAlertConsumer,
  stockCopyConsumer,
  importChunkConsumer,
  viewCounter,
  funnelViewTally,
  funnelCartTally,
  sellerWithdrawal,
  sellerSuspension,
  deletedUserCart,
  deletedAuthor,
  paymentOutcomeConsumer,
  cancellationConsumer,
  sellerLedgerConsumer,
  payoutAccountConsumer,
  coverPrintConsumer,
  printJobStatusConsumer,
  liveOrderStatus,
  liveSellerOrders,
  liveListingEdits,
  liveStockLevels,
  liveChannelClosure,
  viewerRecorder,
  purchaseRecorder,
];

/** What modules do when the queue gives up on one of their events, beyond recording the dead letter. */
export const giveUpHandlers: readonly GiveUpHandler[] = [deliveryGiveUp];
