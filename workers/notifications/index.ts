/** What notifications offers the other modules; everything else in this folder is private to it. */
export {
  communityNoticeConsumer,
  deliveryConsumer,
  deliveryGiveUp,
  mailConsumer,
  orderNoticeConsumer,
} from "./consumers";
export { notificationsContext } from "./context";
export { DevMailbox } from "./mail/dev-mailbox";
export { HttpEmailApi } from "./mail/http-email";
export type { Mailer } from "./mail/mailer";
export { notificationRoutes } from "./routes";
export type { DevMail } from "./schemas";
export { devMailbox } from "./service/mailbox";
export { unsubscribe } from "./service/unsubscribe";
