import { newId } from "../lib/ids";
import type { Db } from "../platform/db";
import type { ClientInfo } from "./context";
import { deleteAudit, insertAudit } from "./store";

/**
 * The security events identity records and the business actions other modules record with their change, in the
 * same batch: moderation decisions (community), tax rates (tax), admin refunds and cancellations (orders), category
 * edits (catalog), dead-letter replays (operations), reconciliation runs (payments), promotions (promotions) and
 * payout changes (payouts). Codes are stable: operators filter on them.
 */
export const AUDIT_TYPES = [
  "registered",
  "email_verified",
  "login",
  "login_failed",
  "logout",
  "session_revoked",
  "sessions_revoked",
  "refresh_token_reused",
  "password_changed",
  "password_reset_requested",
  "password_reset",
  "role_granted",
  "role_revoked",
  "user_suspended",
  "user_unsuspended",
  "account_deleted",
  "mfa_enrolled",
  "mfa_disabled",
  "mfa_succeeded",
  "mfa_failed",
  "recovery_code_used",
  "identity_linked",
  "identity_unlinked",
  "oidc_failed",
  "oidc_signed_in",
  "moderation_decided",
  "tax_rate_set",
  "tax_rate_deleted",
  "order_refunded",
  "order_cancelled",
  "category_created",
  "category_updated",
  "category_deleted",
  "dead_letter_replayed",
  "reconciliation_run",
  "promotion_created",
  "promotion_updated",
  "promotion_deactivated",
  "payout_onboarding_started",
  "payout_onboarding_completed",
  "payouts_held",
  "payouts_released",
] as const;
export type AuditType = (typeof AUDIT_TYPES)[number];

/** What the target of a business entry is: the kinds of `target` ("order:ord_…"), filterable as written. */
export type AuditTargetKind =
  | "user"
  | "seller"
  | "order"
  | "category"
  | "dead_letter"
  | "reconciliation"
  | "promotion"
  | "payout_account"
  | "moderation"
  | "tax_rate";

export interface AuditFields {
  /** The entry's id, when the writer must name it again (see `retractAuditEntry`). */
  id?: string;
  userId?: string | null;
  actorId?: string | null;
  sessionId?: string | null;
  detail?: Record<string, unknown>;
  /** What the action changed, `kind:id`: see `auditTarget`. */
  target?: string | null;
  /** The state before the change (null: there was none, e.g. a creation). */
  before?: unknown;
  /** The state after it (null: there is none left, e.g. a deletion). */
  after?: unknown;
  /** The seller the entry concerns, so that seller reads it in their shop's audit log. */
  shopId?: string | null;
}

/**
 * What an audit entry needs of its writer: the database, and the request's client (IP, user agent, request id),
 * absent in consumers and the cron. Every module's context can satisfy it.
 */
export interface AuditContext {
  services: { db: Db };
  client?: ClientInfo;
}

/** Who did it: a signed-in caller (its user and session), or nobody (a consumer, the cron). */
export interface AuditActor {
  userId: string;
  sessionId?: string | null;
}

/** The actor fields of an entry; `null` records that nobody did it (a consumer, the cron). */
export const actedBy = (actor: AuditActor | null | undefined) => ({
  actorId: actor?.userId ?? null,
  sessionId: actor?.sessionId ?? null,
});

/** The target of a business entry as stored and filtered on: `order:ord_…`. */
export const auditTarget = (kind: AuditTargetKind, id: string) => `${kind}:${id}`;

/** An unexecuted insert of one audit entry, stamped with the caller's IP, user agent and request id. */
export function auditEntry(ctx: AuditContext, type: AuditType, fields: AuditFields = {}, now = Date.now()) {
  return insertAudit(ctx.services.db, {
    id: fields.id ?? newId("aud"),
    type,
    userId: fields.userId ?? null,
    actorId: fields.actorId === undefined ? (fields.userId ?? null) : fields.actorId,
    sessionId: fields.sessionId ?? null,
    ip: ctx.client?.ip ?? null,
    userAgent: ctx.client?.userAgent ?? null,
    requestId: ctx.client?.requestId ?? null,
    detail: fields.detail ?? {},
    target: fields.target ?? null,
    before: fields.before ?? null,
    after: fields.after ?? null,
    shopId: fields.shopId ?? null,
    createdAt: now,
  });
}

/**
 * Takes back an entry whose change did not happen: a guarded write (a version check) that matched nothing in the
 * batch the entry was written with. Drizzle offers no conditional insert in both dialects, so the batch writes the
 * entry and this deletes it when the guard failed.
 */
export async function retractAuditEntry(ctx: AuditContext, id: string): Promise<void> {
  await deleteAudit(ctx.services.db, id);
}
