/** What identity offers the other modules; everything else in this folder is private to it. */
export type { ShippingAddress } from "../../schema/identity";
export { ShippingAddressSchema } from "./addresses";
export {
  AUDIT_TYPES,
  type AuditActor,
  type AuditContext,
  type AuditFields,
  type AuditType,
  actedBy,
  auditEntry,
  auditTarget,
  retractAuditEntry,
} from "./audit";
export { type AccountSellers, type ClientInfo, clientOf, type IdentityContext, identityContext } from "./context";
export { LOCALES, type Locale } from "./locales";
export { principalOf, requireAuth, requireRole, requireTotpForPayouts } from "./middleware";
export { type SignInProvider, signInProviders } from "./oidc";
export { identityRoutes } from "./routes";
export {
  AddressViewFields,
  AuditCursor,
  AuditPageSchema,
  EmailField,
  LoginBody,
  MfaBody,
  RegisterBody,
  ResetConfirmBody,
} from "./schemas";
export { securedRoute } from "./secured-route";
export {
  accountsOpenedIn,
  adminUserIds,
  contactOf,
  grantRole,
  readerName,
  recipientOf,
  register,
  savedAddress,
  shopAuditTrail,
} from "./service/accounts";
export { listIdentities, unlinkIdentity } from "./service/identities";
export { confirmTotp, disableTotp, enrolTotp, mfaEnabled } from "./service/mfa";
export { completeSecondFactor } from "./service/mfa-sign-in";
export { exchangeSignInCode, linkWithPassword, purgeExpiredSignIns, startSignIn } from "./service/oidc";
export {
  confirmPasswordReset,
  passwordResetMail,
  requestPasswordReset,
  verificationMail,
  verifyEmail,
} from "./service/recovery";
export { currentPrincipal, login, logout, sessionIsLive } from "./service/sessions";
export { normaliseEmail } from "./service/users";
