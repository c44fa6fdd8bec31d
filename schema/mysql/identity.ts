import { bigint, index, int, json, mysqlTable, primaryKey, uniqueIndex } from "drizzle-orm/mysql-core";
import { epochMs, id, text, varchar } from "./columns";

/** The identity module's tables in MySQL: DDL twins of schema/identity.ts, which the stores query. */

/** An address is at most 320 characters (RFC 5321: 64 local + @ + 255 domain). */
const EMAIL = 320;

export const users = mysqlTable(
  "users",
  {
    id: id("id").primaryKey(),
    email: varchar("email", EMAIL).notNull(),
    emailKey: varchar("email_key", EMAIL).notNull(),
    name: varchar("name", 255).notNull(),
    locale: varchar("locale", 8).notNull().default("en"),
    passwordHash: varchar("password_hash", 255),
    emailVerifiedAt: epochMs("email_verified_at"),
    shippingAddresses: json("shipping_addresses").notNull().default([]),
    createdAt: epochMs("created_at").notNull(),
    updatedAt: epochMs("updated_at").notNull(),
    deletedAt: epochMs("deleted_at"),
    suspendedAt: epochMs("suspended_at"),
    suspendedReason: varchar("suspended_reason", 500),
  },
  (t) => [uniqueIndex("users_email_key_idx").on(t.emailKey)],
);

export const userRoles = mysqlTable(
  "user_roles",
  {
    userId: id("user_id").notNull(),
    role: varchar("role", 16).notNull(),
    source: varchar("source", 16).notNull(),
    grantedAt: epochMs("granted_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const sessions = mysqlTable(
  "sessions",
  {
    id: id("id").primaryKey(),
    userId: id("user_id").notNull(),
    createdAt: epochMs("created_at").notNull(),
    lastUsedAt: epochMs("last_used_at").notNull(),
    expiresAt: epochMs("expires_at").notNull(),
    revokedAt: epochMs("revoked_at"),
    revokedReason: varchar("revoked_reason", 64),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId, t.revokedAt)],
);

/** Tokens are kept by their SHA-256 digest in hex: 64 characters. */
export const refreshTokens = mysqlTable(
  "refresh_tokens",
  {
    tokenHash: varchar("token_hash", 64).primaryKey(),
    sessionId: id("session_id").notNull(),
    issuedAt: epochMs("issued_at").notNull(),
    expiresAt: epochMs("expires_at").notNull(),
    rotatedAt: epochMs("rotated_at"),
    successor: text("successor"),
  },
  (t) => [index("refresh_tokens_session_idx").on(t.sessionId)],
);

export const oneTimeTokens = mysqlTable(
  "one_time_tokens",
  {
    tokenHash: varchar("token_hash", 64).primaryKey(),
    userId: id("user_id").notNull(),
    purpose: varchar("purpose", 32).notNull(),
    createdAt: epochMs("created_at").notNull(),
    expiresAt: epochMs("expires_at").notNull(),
    usedAt: epochMs("used_at"),
  },
  (t) => [index("one_time_tokens_user_idx").on(t.userId, t.purpose)],
);

export const auditLog = mysqlTable(
  "audit_log",
  {
    id: id("id").primaryKey(),
    type: varchar("type", 64).notNull(),
    userId: id("user_id"),
    actorId: id("actor_id"),
    sessionId: id("session_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: json("detail").notNull().default({}),
    target: varchar("target", 160),
    before: json("before"),
    after: json("after"),
    requestId: varchar("request_id", 128),
    shopId: id("shop_id"),
    createdAt: epochMs("created_at").notNull(),
  },
  (t) => [
    index("audit_log_user_idx").on(t.userId, t.id),
    index("audit_log_type_idx").on(t.type, t.id),
    index("audit_log_actor_idx").on(t.actorId, t.id),
    index("audit_log_target_idx").on(t.target, t.id),
    index("audit_log_shop_idx").on(t.shopId, t.id),
  ],
);

export const totpAuthenticators = mysqlTable("totp_authenticators", {
  userId: id("user_id").primaryKey(),
  sealedSecret: varchar("sealed_secret", 255).notNull(),
  createdAt: epochMs("created_at").notNull(),
  confirmedAt: epochMs("confirmed_at"),
  lastStep: bigint("last_step", { mode: "number" }),
});

export const recoveryCodes = mysqlTable(
  "recovery_codes",
  {
    codeHash: varchar("code_hash", 64).primaryKey(),
    userId: id("user_id").notNull(),
    createdAt: epochMs("created_at").notNull(),
    usedAt: epochMs("used_at"),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const mfaChallenges = mysqlTable(
  "mfa_challenges",
  {
    id: id("id").primaryKey(),
    userId: id("user_id").notNull(),
    createdAt: epochMs("created_at").notNull(),
    expiresAt: epochMs("expires_at").notNull(),
    attempts: int("attempts").notNull().default(0),
    completedAt: epochMs("completed_at"),
  },
  (t) => [index("mfa_challenges_user_idx").on(t.userId)],
);

export const oidcIdentities = mysqlTable(
  "oidc_identities",
  {
    id: id("id").primaryKey(),
    userId: id("user_id").notNull(),
    provider: varchar("provider", 32).notNull(),
    subject: varchar("subject", 255).notNull(),
    email: varchar("email", EMAIL),
    createdAt: epochMs("created_at").notNull(),
    lastUsedAt: epochMs("last_used_at"),
  },
  (t) => [
    uniqueIndex("oidc_identities_subject_idx").on(t.provider, t.subject),
    index("oidc_identities_user_idx").on(t.userId),
  ],
);

export const oidcSignIns = mysqlTable(
  "oidc_sign_ins",
  {
    stateHash: varchar("state_hash", 64).primaryKey(),
    provider: varchar("provider", 32).notNull(),
    codeVerifier: varchar("code_verifier", 128).notNull(),
    nonce: varchar("nonce", 128).notNull(),
    redirect: text("redirect").notNull(),
    linkUserId: id("link_user_id"),
    createdAt: epochMs("created_at").notNull(),
    expiresAt: epochMs("expires_at").notNull(),
    returnedAt: epochMs("returned_at"),
    outcome: varchar("outcome", 16),
    userId: id("user_id"),
    subject: varchar("subject", 255),
    email: varchar("email", EMAIL),
    codeHash: varchar("code_hash", 64),
    exchangedAt: epochMs("exchanged_at"),
  },
  (t) => [uniqueIndex("oidc_sign_ins_code_idx").on(t.codeHash), index("oidc_sign_ins_expiry_idx").on(t.expiresAt)],
);
