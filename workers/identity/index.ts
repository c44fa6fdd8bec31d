/** What identity offers the other modules; everything else in this folder is private to it. */
export type { ShippingAddress } from "../../schema/identity";
export { ShippingAddressSchema } from "./addresses";
export { type AccountSellers, type ClientInfo, type IdentityContext, identityContext } from "./context";
export { principalOf, requireAuth, requireRole } from "./middleware";
export { identityRoutes } from "./routes";
export { AddressViewFields, EmailField } from "./schemas";
export { securedRoute } from "./secured-route";
export { contactOf, grantRole, savedAddress } from "./service/accounts";
export { passwordResetMail, verificationMail } from "./service/recovery";
export { normaliseEmail } from "./service/users";
