/** What notifications offers the other modules; everything else in this folder is private to it. */
export {
  cartReminderConsumer,
  deletedAccountConsumer,
  listingAlertConsumer,
  paidSellerOrderConsumer,
  paymentAlertConsumer,
  stockAlertConsumer,
  stockLowConsumer,
  weeklyReportConsumer,
} from "./alert-consumers";
export {
  communityNoticeConsumer,
  deliveryConsumer,
  deliveryGiveUp,
  mailConsumer,
  orderNoticeConsumer,
  returnNoticeConsumer,
  supportNoticeConsumer,
} from "./consumers";
export { cartRemindersContext, notificationsContext } from "./context";
export { DevMailbox } from "./mail/dev-mailbox";
export { HttpEmailApi } from "./mail/http-email";
export type { Mailer } from "./mail/mailer";
export { DevPushLog } from "./push/dev-log";
export type { PushSender } from "./push/sender";
export { WebPushSender } from "./push/web-push";
export { notificationRoutes } from "./routes";
export type { DevMail } from "./schemas";
export { sendDueCartReminders } from "./service/cart-reminders";
export { devMailbox } from "./service/mailbox";
export { unsubscribe } from "./service/unsubscribe";
export { DevSmsLog } from "./sms/dev-log";
export { HttpSmsApi } from "./sms/http-sms";
export type { SmsSender } from "./sms/sender";
