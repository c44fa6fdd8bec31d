import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** A saved shipping address, validated per country by the identity module before it is stored. */
export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
}

/**
 * Accounts. `email` is the normalised address mail is sent to (trimmed, domain lower-cased); `emailKey`
 * is its fully lower-cased form, unique, so `Ann@x.com` and `ann@x.com` cannot be two accounts.
 * A deleted account keeps its row (orders and payouts point at it) with personal data replaced.
 */
export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    emailKey: text("email_key").notNull(),
    name: text("name").notNull(),
    /** The language mail and notifications are written in (`en`, `de`); templates fall back to `en`. */
    locale: text("locale").notNull().default("en"),
    passwordHash: text("password_hash"),
    emailVerifiedAt: integer("email_verified_at"),
    shippingAddresses: text("shipping_addresses", { mode: "json" }).$type<ShippingAddress[]>().notNull().default([]),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
    deletedAt: integer("deleted_at"),
    /** Set while an admin has suspended the account: no sign-in, no session, its listings off sale. */
    suspendedAt: integer("suspended_at"),
    suspendedReason: text("suspended_reason"),
  },
  (t) => [uniqueIndex("users_email_key_idx").on(t.emailKey)],
);

/** Roles beyond `buyer` (which everyone has). `source` says who granted it: self (seller sign-up), config, operator. */
export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id").notNull(),
    role: text("role", { enum: ["seller", "admin"] }).notNull(),
    source: text("source", { enum: ["self", "config", "operator"] }).notNull(),
    grantedAt: integer("granted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

/** A login: lives as long as its refresh tokens keep being rotated (sliding expiry), until revoked. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    revokedAt: integer("revoked_at"),
    revokedReason: text("revoked_reason"),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId, t.revokedAt)],
);

/**
 * Every refresh token ever issued for a session, by SHA-256 digest. A rotated token stays (with
 * `rotatedAt`) so that presenting it again is recognised as reuse and revokes the session.
 */
export const refreshTokens = sqliteTable(
  "refresh_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    sessionId: text("session_id").notNull(),
    issuedAt: integer("issued_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    rotatedAt: integer("rotated_at"),
    /** The pair this token was exchanged for, sealed under a key only the token itself yields (the grace window). */
    successor: text("successor"),
  },
  (t) => [index("refresh_tokens_session_idx").on(t.sessionId)],
);

/** Single-use tokens mailed to a user (email verification, password reset), by SHA-256 digest. */
export const oneTimeTokens = sqliteTable(
  "one_time_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id").notNull(),
    purpose: text("purpose", { enum: ["verify_email", "password_reset"] }).notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("one_time_tokens_user_idx").on(t.userId, t.purpose)],
);

/**
 * Security events and business actions, newest last by id (ids are time-sortable). Kept when an account is deleted.
 * A business entry names what it changed as `target` ("order:ord_…", "category:cat_…"), the state before and after
 * (JSON, null when there was none), the request that made it (null from a consumer or the cron) and, when it
 * concerns a shop, the seller id (`shopId`), so the seller can read it.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    userId: text("user_id"),
    actorId: text("actor_id"),
    sessionId: text("session_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    target: text("target"),
    before: text("before", { mode: "json" }).$type<unknown>(),
    after: text("after", { mode: "json" }).$type<unknown>(),
    requestId: text("request_id"),
    shopId: text("shop_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [
    index("audit_log_user_idx").on(t.userId, t.id),
    index("audit_log_type_idx").on(t.type, t.id),
    index("audit_log_actor_idx").on(t.actorId, t.id),
    index("audit_log_target_idx").on(t.target, t.id),
    index("audit_log_shop_idx").on(t.shopId, t.id),
  ],
);

/**
 * An account's TOTP authenticator (RFC 6238). The secret is sealed with a key derived from configuration, never
 * stored in clear; it works for sign-in once `confirmedAt` is set. `lastStep` is the last 30-second step a code was
 * accepted for, so each code works once.
 */
export const totpAuthenticators = sqliteTable("totp_authenticators", {
  userId: text("user_id").primaryKey(),
  sealedSecret: text("sealed_secret").notNull(),
  createdAt: integer("created_at").notNull(),
  confirmedAt: integer("confirmed_at"),
  lastStep: integer("last_step"),
});

/** Single-use recovery codes of an account with TOTP on, by SHA-256 digest; replaced wholesale at each enrolment. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at").notNull(),
    usedAt: integer("used_at"),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** A password login waiting for its second factor: five minutes and a few attempts, then it is dead. */
export const mfaChallenges = sqliteTable(
  "mfa_challenges",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    completedAt: integer("completed_at"),
  },
  (t) => [index("mfa_challenges_user_idx").on(t.userId)],
);

/**
 * A sign-in provider's account linked to a user: `subject` is who the provider says signed in (its `sub`), unique
 * per provider. `email` is the address the provider gave at linking, shown to the user.
 */
export const oidcIdentities = sqliteTable(
  "oidc_identities",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    provider: text("provider").notNull(),
    subject: text("subject").notNull(),
    email: text("email"),
    createdAt: integer("created_at").notNull(),
    lastUsedAt: integer("last_used_at"),
  },
  (t) => [
    uniqueIndex("oidc_identities_subject_idx").on(t.provider, t.subject),
    index("oidc_identities_user_idx").on(t.userId),
  ],
);

/**
 * One trip to a sign-in provider and back, keyed by the digest of its `state`: the PKCE verifier and nonce it was
 * sent with, where the browser returns to, and (from a signed-in session) the account to link. The callback
 * claims it once (`returnedAt`) and records what it found; the storefront then trades the single-use sign-in code
 * (by digest, `codeHash`) for tokens once (`exchangedAt`). Ten minutes, then it is dead.
 */
export const oidcSignIns = sqliteTable(
  "oidc_sign_ins",
  {
    stateHash: text("state_hash").primaryKey(),
    provider: text("provider").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    nonce: text("nonce").notNull(),
    redirect: text("redirect").notNull(),
    linkUserId: text("link_user_id"),
    createdAt: integer("created_at").notNull(),
    expiresAt: integer("expires_at").notNull(),
    returnedAt: integer("returned_at"),
    outcome: text("outcome", { enum: ["sign_in", "link_required"] }),
    userId: text("user_id"),
    subject: text("subject"),
    email: text("email"),
    codeHash: text("code_hash"),
    exchangedAt: integer("exchanged_at"),
  },
  (t) => [uniqueIndex("oidc_sign_ins_code_idx").on(t.codeHash), index("oidc_sign_ins_expiry_idx").on(t.expiresAt)],
);
