/** What identity offers the other modules; everything else in this folder is private to it. */
export type { ShippingAddress } from "../../schema/identity";
export { normaliseEmail } from "./accounts";
export { ShippingAddressSchema } from "./addresses";
export { type AccountSellers, type ClientInfo, type IdentityContext, identityContext } from "./context";
export { principalOf, requireAuth, requireRole } from "./middleware";
export { passwordResetMail, verificationMail } from "./recovery";
export { identityRoutes } from "./routes";
export { EmailField } from "./schemas";
export { securedRoute } from "./secured-route";
export { contactOf, grantRole, savedAddress } from "./service";
