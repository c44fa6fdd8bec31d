import type { AnyEvent } from "../../../queues/event-catalogue";
import {
  type ClientInfo,
  type IdentityContext,
  passwordResetMail,
  recipientOf,
  verificationMail,
} from "../../identity";
import type { Statement } from "../../platform/db";
import type { NotificationsContext } from "../context";
import { deliveryRow } from "../store/deliveries";
import { renderTemplate } from "../template";
import { newSignIn, passwordChanged, passwordReset, verifyEmail, welcome } from "../templates";
import type { NoticeContent, Recipient } from "./notify";

/** The events that send account and security mail: always sent, by mail only, whatever the preferences say. */
export const ACCOUNT_MAIL_EVENTS = [
  "UserRegistered",
  "EmailVerificationRequested",
  "EmailVerified",
  "PasswordResetRequested",
  "PasswordChanged",
  "UserAuthenticated",
] as const;
export type AccountMailEvent = Extract<AnyEvent, { type: (typeof ACCOUNT_MAIL_EVENTS)[number] }>;

const noClient: ClientInfo = { ip: null, userAgent: null };
const identityContext = (ctx: NotificationsContext, client = noClient): IdentityContext => ({ ...ctx, client });

type AccountMail = { to: string; userId: string; mail: NoticeContent["mail"] };

/**
 * Which mail an event sends, to whom, in their language; null when it sends none. An address nobody has confirmed
 * gets verification and reset links only (it is who typed it, not necessarily who owns it): the notices after
 * those go to a confirmed address or nowhere.
 */
async function render(ctx: NotificationsContext, event: AccountMailEvent): Promise<AccountMail | null> {
  const { config } = ctx;
  const confirmed = async (userId: string) => {
    const recipient = await recipientOf(ctx, userId);
    return recipient?.email ? (recipient as Recipient & { email: string }) : undefined;
  };
  switch (event.type) {
    case "UserRegistered":
    case "EmailVerificationRequested": {
      const mail = await verificationMail(identityContext(ctx), event.data.userId);
      if (!mail) return null;
      const content = renderTemplate(verifyEmail, mail, config, mail);
      return { to: mail.email, userId: mail.userId, mail: content.mail };
    }
    case "PasswordResetRequested": {
      const mail = await passwordResetMail(identityContext(ctx, event.data.requestedFrom), event.data.email);
      if (!mail) return null;
      return { to: mail.email, userId: mail.userId, mail: renderTemplate(passwordReset, mail, config, mail).mail };
    }
    case "EmailVerified": {
      // The address was just confirmed: the event names it; the account, if still there, its language.
      const { userId, email, name } = event.data;
      const locale = (await recipientOf(ctx, userId))?.locale ?? "en";
      return { to: email, userId, mail: renderTemplate(welcome, {}, config, { userId, name, email, locale }).mail };
    }
    case "PasswordChanged":
    case "UserAuthenticated": {
      const owner = await confirmed(event.data.userId);
      if (!owner) return null;
      const to = { to: owner.email, userId: owner.userId };
      if (event.type === "PasswordChanged") {
        return { ...to, mail: renderTemplate(passwordChanged, event.data, config, owner).mail };
      }
      if (!event.data.newDevice) return null;
      const from = event.data.signedInFrom ?? noClient;
      const data = { at: event.occurredAt, ip: from.ip, userAgent: from.userAgent };
      return { ...to, mail: renderTemplate(newSignIn, data, config, owner).mail };
    }
  }
}

/**
 * Sends the mail an event calls for, at most once per event and template (the provider's idempotency key);
 * answers the delivery log row, to commit with the processed-event marker.
 */
export async function sendMailFor(ctx: NotificationsContext, event: AccountMailEvent): Promise<Statement[]> {
  const rendered = await render(ctx, event);
  if (!rendered) return [];
  const { to, userId, mail } = rendered;
  const sent = await ctx.services.mailer.send({ ...mail, to, idempotencyKey: `${event.id}:${mail.template}` });
  return [deliveryRow(ctx.services.db, { eventId: event.id, template: mail.template, userId, to, sent })];
}
