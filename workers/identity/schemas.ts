import { z } from "@hono/zod-openapi";
import { humanText, PageQuery } from "../http/schemas";
import { idPattern } from "../lib/ids";
import { ShippingAddressSchema } from "./addresses";
import { ROLES } from "./jwt";
import { LOCALES } from "./locales";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./passwords";

/** Request and response shapes of the identity routes; the OpenAPI document is generated from these. */

export const EmailField = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email("must be an email address"))
  .openapi({ type: "string", format: "email", example: "ada@example.com" });

const NewPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH)
  .openapi({
    description: `At least ${PASSWORD_MIN_LENGTH} characters; not one of the most common passwords; not your email`,
    example: "correct horse battery staple",
  });

/** Existing passwords are only checked for size: policies change, old passwords must still log in. */
const PasswordField = z.string().min(1).max(PASSWORD_MAX_LENGTH).openapi({ example: "correct horse battery staple" });

const NameField = humanText(z.string().trim().min(1).max(100)).openapi({ example: "Ada Lovelace" });

const LocaleField = z
  .enum(LOCALES, { error: `must be one of ${LOCALES.join(", ")}` })
  .openapi({ description: "The language of mail and notices", example: "en" });

const MailedToken = z.string().trim().min(20).max(200).openapi({ description: "The token from the mail" });

/** An address as answered (stored values, not re-validated): the account's and an order's are both this shape. */
export const AddressViewFields = z.object({
  name: z.string(),
  line1: z.string(),
  line2: z.string().optional(),
  city: z.string(),
  region: z.string().optional(),
  postalCode: z.string(),
  country: z.string(),
});

const AddressView = AddressViewFields.extend({
  id: z.string().openapi({
    description: "Derived from the address: checkout's `addressId`; it changes when the address is edited",
    example: "adr_5f1d3a9c0b7e2d44",
  }),
}).openapi("ShippingAddressView");

const UserSchema = z
  .object({
    id: z.string().openapi({ example: "usr_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
    email: z.string(),
    name: z.string(),
    emailVerified: z.boolean(),
    locale: z.enum(LOCALES),
    roles: z.array(z.enum(ROLES)),
    sellerId: z.string().nullable(),
    addresses: z.array(AddressView),
    mfaEnabled: z.boolean().openapi({ description: "Whether sign-in asks for a TOTP code after the password" }),
    createdAt: z.string(),
  })
  .openapi("User");

export const UserEnvelope = z.object({ user: UserSchema });

export const RegisterBody = z
  .object({ email: EmailField, password: NewPasswordField, name: NameField, locale: LocaleField.optional() })
  .openapi("RegisterRequest");

export const LoginBody = z.object({ email: EmailField, password: PasswordField }).openapi("LoginRequest");

export const TokensSchema = z
  .object({
    accessToken: z.string().openapi({ description: "JWT, 15 minutes" }),
    refreshToken: z.string().openapi({ description: "Opaque, single use, 30 days" }),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().openapi({ description: "Access-token lifetime in seconds", example: 900 }),
    user: UserSchema,
  })
  .openapi("SessionTokens");

export const RefreshBody = z.object({ refreshToken: z.string().trim().min(20).max(200) }).openapi("RefreshRequest");
export const TokenBody = z.object({ token: MailedToken }).openapi("TokenRequest");
export const EmailBody = z.object({ email: EmailField }).openapi("PasswordResetRequest");
export const ResetConfirmBody = z
  .object({ token: MailedToken, password: NewPasswordField })
  .openapi("PasswordResetConfirmRequest");

export const ResetAccepted = z
  .object({ status: z.literal("accepted"), detail: z.string() })
  .openapi("PasswordResetAccepted");

export const UpdateProfileBody = z
  .object({
    name: NameField.optional(),
    addresses: z.array(ShippingAddressSchema).max(10).optional(),
    locale: LocaleField.optional(),
  })
  .refine((body) => body.name !== undefined || body.addresses !== undefined || body.locale !== undefined, {
    message: "send name, addresses, locale or several of them",
  })
  .openapi("UpdateProfileRequest");

export const ChangePasswordBody = z
  .object({ currentPassword: PasswordField, newPassword: NewPasswordField })
  .openapi("ChangePasswordRequest");

export const PasswordConfirmationBody = z.object({ password: PasswordField }).openapi("DeleteAccountRequest");

export const SessionSchema = z
  .object({
    id: z.string(),
    current: z.boolean(),
    createdAt: z.string(),
    lastUsedAt: z.string(),
    expiresAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
  })
  .openapi("Session");

export const SessionIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("ses"), "a session id")
    .openapi({ param: { name: "id", in: "path" }, example: "ses_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    userId: z.string().nullable(),
    actorId: z.string().nullable(),
    sessionId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
    target: z
      .string()
      .nullable()
      .openapi({ description: "What the action changed, `kind:id` (e.g. `order:ord_…`)", example: "order:ord_01" }),
    before: z.unknown().openapi({ description: "The target's state before the action (null: none)" }),
    after: z.unknown().openapi({ description: "The target's state after the action (null: none left)" }),
    requestId: z.string().nullable().openapi({ description: "The request that did it; null from a consumer or cron" }),
    shopId: z.string().nullable().openapi({ description: "The seller the entry concerns, who can read it" }),
    createdAt: z.string(),
  })
  .openapi("AuditEntry");

/** The cursor of an audit page: the last entry's id. Shared with the shop's audit log. */
export const AuditCursor = z.object({ id: z.string().regex(idPattern("aud")) });

/** A target as entries name it: `kind:id`. */
export const AuditTargetField = z
  .string()
  .max(160)
  .regex(/^[a-z_]+:[A-Za-z0-9_.:-]+$/, "a target such as order:ord_…")
  .openapi({ example: "order:ord_0190f1c2a7b37c3d8e9f00112233aabb" });

/** A page of the audit log. */
export const AuditPageSchema = z
  .object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
  .openapi("AuditPage");

export const JwksSchema = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi("JsonWebKeySet");

const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "the six digits the authenticator app shows")
  .openapi({ example: "123456" });
const RecoveryCode = z
  .string()
  .trim()
  .min(16)
  .max(24)
  .regex(/^[A-Za-z2-7 -]+$/, "a recovery code such as abcd-efgh-ijkl-mnop")
  .openapi({ example: "abcd-efgh-ijkl-mnop" });

export const TotpProvisioning = z
  .object({
    secret: z.string().openapi({ description: "The shared secret in base32, for typing into an app by hand" }),
    uri: z
      .string()
      .openapi({ example: "otpauth://totp/Book%20Bazaar:ann%40example.com?issuer=Book%20Bazaar&secret=…" }),
    qrSvg: z.string().openapi({ description: "The URI as a QR code, an SVG document" }),
  })
  .openapi("TotpProvisioning");
export const TotpCodeBody = z.object({ code: TotpCode }).openapi("TotpCodeRequest");
export const RecoveryCodesSchema = z
  .object({ recoveryCodes: z.array(z.string()).length(10).openapi({ description: "Each works once; shown only now" }) })
  .openapi("RecoveryCodes");
export const TotpDisableBody = z.object({ password: PasswordField, code: TotpCode }).openapi("TotpDisableRequest");
export const MfaBody = z
  .object({
    challengeId: z.string().trim().min(20).max(100),
    code: TotpCode.optional(),
    recoveryCode: RecoveryCode.optional(),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    message: "send either code or recoveryCode",
    path: ["code"],
  })
  .openapi("MfaRequest");

const ADMIN_GRANTABLE = ["seller", "admin"] as const;

export const AdminUsersQuery = PageQuery.extend({
  email: z.string().trim().min(1).max(320).optional().openapi({
    description: "Matches the normalised (lower-cased) email as a prefix: a whole address finds that account",
  }),
  role: z.enum(ROLES).optional(),
});

export const AdminUserIdParams = z.object({
  id: z
    .string()
    .regex(idPattern("usr"))
    .openapi({ param: { name: "id", in: "path" } }),
});

export const AdminUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    status: z.enum(["active", "suspended"]),
    suspendedAt: z.string().nullable(),
    suspendedReason: z.string().nullable(),
    emailVerified: z.boolean(),
    mfaEnabled: z.boolean(),
    createdAt: z.string(),
  })
  .openapi("AdminUser");

export const AdminUserDetailSchema = AdminUserSchema.extend({
  liveSessions: z.number().int(),
  lastSignInAt: z.string().nullable(),
}).openapi("AdminUserDetail");

export const RoleChangeBody = z
  .object({ grant: z.enum(ADMIN_GRANTABLE).optional(), revoke: z.enum(ADMIN_GRANTABLE).optional() })
  .strict()
  .refine((body) => (body.grant === undefined) !== (body.revoke === undefined), {
    message: "send exactly one of grant, revoke",
  })
  .openapi("RoleChange");

export const SuspendBody = z
  .object({ reason: humanText(z.string().trim().min(1).max(500)) })
  .strict()
  .openapi("Suspension");

// social sign-in (OpenID Connect)

const ProviderId = z
  .string()
  .regex(/^[a-z0-9-]{1,32}$/)
  .openapi({ description: "A configured sign-in provider (`GET /v1/auth/oidc/providers`)", example: "google" });
export const ProviderParams = z.object({ provider: ProviderId });

const StorefrontRedirect = z.string().max(2048).openapi({
  description: "The storefront page to return to; its origin must be one of `STOREFRONT_ORIGINS`",
  example: "https://bookbazaar.example/signed-in",
});
export const OidcStartQuery = z.object({ redirect: StorefrontRedirect });

/** What the provider sends back; every parameter is read by the OIDC library, these are documented. */
export const OidcCallbackQuery = z.object({
  state: z.string().max(512).optional(),
  code: z.string().max(2048).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(2048).optional(),
  iss: z.string().max(2048).optional(),
});

const SignInCode = z.string().trim().min(20).max(100).openapi({ description: "`oidc_code` from the return URL" });
export const OidcCodeBody = z.object({ code: SignInCode }).openapi("OidcCodeRequest");
export const OidcLinkBody = z.object({ code: SignInCode, password: PasswordField }).openapi("OidcLinkRequest");

export const SignInProvidersSchema = z
  .object({
    providers: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        startUrl: z.string().openapi({ description: "Append `?redirect=` and send the browser there" }),
      }),
    ),
  })
  .openapi("SignInProviders");

export const IdentitiesSchema = z
  .object({
    identities: z.array(
      z
        .object({
          id: z.string(),
          provider: z.string(),
          providerName: z.string(),
          email: z.string().nullable(),
          linkedAt: z.iso.datetime(),
          lastUsedAt: z.iso.datetime().nullable(),
        })
        .openapi("LinkedIdentity"),
    ),
    hasPassword: z.boolean().openapi({ description: "Whether the account can also sign in with a password" }),
  })
  .openapi("LinkedIdentities");

export const IdentityParams = z.object({ id: z.string().regex(idPattern("idn")) });

export const LinkIdentityBody = z
  .object({ provider: ProviderId, redirect: StorefrontRedirect })
  .openapi("LinkIdentityRequest");
export const LinkIdentityStarted = z
  .object({
    authorizationUrl: z.string().openapi({ description: "Send the browser there to sign in with the provider" }),
  })
  .openapi("LinkIdentityStarted");
