import { newId } from "../lib/ids";
import type { IdentityContext } from "./context";
import { insertAudit } from "./store";

/**
 * The security events identity records, the moderators' decisions on readers' posts (written by community in its
 * own batch) and admins' changes to tax rates (written by tax with the change). Codes are stable: operators
 * filter on them.
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
  "moderation_decided",
  "tax_rate_set",
  "tax_rate_deleted",
] as const;
type AuditType = (typeof AUDIT_TYPES)[number];

interface AuditFields {
  userId?: string | null;
  actorId?: string | null;
  sessionId?: string | null;
  detail?: Record<string, unknown>;
}

/** An unexecuted insert of one audit entry, stamped with the caller's IP and user agent. */
export function auditEntry(ctx: IdentityContext, type: AuditType, fields: AuditFields = {}, now = Date.now()) {
  return insertAudit(ctx.services.db, {
    id: newId("aud"),
    type,
    userId: fields.userId ?? null,
    actorId: fields.actorId ?? fields.userId ?? null,
    sessionId: fields.sessionId ?? null,
    ip: ctx.client.ip,
    userAgent: ctx.client.userAgent,
    detail: fields.detail ?? {},
    createdAt: now,
  });
}
