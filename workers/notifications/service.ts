import type { AnyEvent } from "../../queues/event-catalogue";
import { AppError } from "../http/errors";
import { type ClientInfo, contactOf, type IdentityContext, passwordResetMail, verificationMail } from "../identity";
import type { Statement } from "../platform/db";
import type { NotificationsContext } from "./context";
import { moderationTemplates } from "./moderation-templates";
import { orderTemplates } from "./order-templates";
import { replyTemplates } from "./reply-templates";
import type { DevMail } from "./schemas";
import { deliveryRow, mailboxFor } from "./store";
import { type RenderedMail, templates, toHtml } from "./templates";

/** The events that send mail. */
export const MAIL_EVENTS = [
  "UserRegistered",
  "EmailVerificationRequested",
  "EmailVerified",
  "PasswordResetRequested",
  "PasswordChanged",
  "OrderPaid",
  "OrderPaymentFailed",
  "OrderCancelled",
  "RefundIssued",
  "OrderDelivered",
  "CommentReplied",
  "ModerationDecided",
] as const;
export type MailEvent = Extract<AnyEvent, { type: (typeof MAIL_EVENTS)[number] }>;

const noClient: ClientInfo = { ip: null, userAgent: null };
const identityContext = (ctx: NotificationsContext, client = noClient): IdentityContext => ({ ...ctx, client });

/**
 * Which mail an event sends, and to whom; null when it sends none (a deleted or unverified buyer, a checkout
 * that never paid). An address nobody has confirmed gets verification and reset links only: the buyer
 * contact of order events is null for it (contactOf), and account notices check the same.
 */
/** An order mail goes to the buyer the event names; none when the order events carry no reachable buyer. */
const toBuyer = (buyer: { email: string } | null, mail: () => RenderedMail) =>
  buyer ? { to: buyer.email, mail: mail() } : null;

async function render(ctx: NotificationsContext, event: MailEvent): Promise<{ to: string; mail: RenderedMail } | null> {
  const { config } = ctx;
  switch (event.type) {
    case "UserRegistered":
    case "EmailVerificationRequested": {
      const mail = await verificationMail(identityContext(ctx), event.data.userId);
      return mail && { to: mail.email, mail: templates.verifyEmail(config, mail) };
    }
    case "PasswordResetRequested": {
      const mail = await passwordResetMail(identityContext(ctx, event.data.requestedFrom), event.data.email);
      return mail && { to: mail.email, mail: templates.passwordReset(config, mail) };
    }
    case "EmailVerified":
      return { to: event.data.email, mail: templates.welcome(config, event.data) };
    case "PasswordChanged": {
      const owner = await contactOf(ctx, event.data.userId);
      return owner ? { to: owner.email, mail: templates.passwordChanged(config, event.data) } : null;
    }
    case "OrderPaid":
      return toBuyer(event.data.buyer, () => orderTemplates.confirmation(config, event.data));
    case "OrderPaymentFailed":
      return toBuyer(event.data.buyer, () => orderTemplates.paymentFailed(config, event.data));
    case "OrderCancelled":
      return toBuyer(event.data.buyer, () => orderTemplates.cancelled(config, event.data));
    case "OrderDelivered":
      return toBuyer(event.data.buyer, () => orderTemplates.delivered(config, event.data));
    case "RefundIssued":
      return toBuyer(event.data.buyer, () => orderTemplates.refunded(config, event.data));
    case "CommentReplied": {
      const recipient = await contactOf(ctx, event.data.recipientId);
      return recipient
        ? { to: recipient.email, mail: replyTemplates.commentReplied(config, event.data, recipient) }
        : null;
    }
    case "ModerationDecided": {
      const author = await contactOf(ctx, event.data.authorId);
      return author
        ? { to: author.email, mail: moderationTemplates.decided(config, { ...event.data, name: author.name }) }
        : null;
    }
  }
}

/**
 * Sends the mail an event calls for, at most once per event and template (the provider's idempotency key);
 * answers the delivery log row, to commit with the processed-event marker.
 */
export async function sendMailFor(ctx: NotificationsContext, event: MailEvent): Promise<Statement[]> {
  const rendered = await render(ctx, event);
  if (!rendered) return [];
  const { to, mail } = rendered;
  const sent = await ctx.services.mailer.send({
    ...mail,
    to,
    html: toHtml(mail.text),
    idempotencyKey: `${event.id}:${mail.template}`,
  });
  return [deliveryRow(ctx.services.db, event.id, mail.template, to, sent)];
}

/** `GET /v1/dev/mailbox`: what the development mailbox kept for an address, newest first. */
export async function devMailbox(ctx: NotificationsContext, to: string, limit: number): Promise<DevMail[]> {
  if (ctx.config.MAIL_ADAPTER !== "dev-mailbox") throw new AppError("not_found", "The dev mailbox is not active.");
  const rows = await mailboxFor(ctx.services.db, to.trim().toLowerCase(), limit);
  return rows.map((row) => ({ ...row, sentAt: new Date(row.sentAt).toISOString() }));
}
