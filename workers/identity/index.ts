/** What identity offers the other modules; everything else in this folder is private to it. */
export type { ShippingAddress } from "../../schema/identity";
export { ShippingAddressSchema } from "./addresses";
export type { ClientInfo, IdentityContext } from "./context";
export { principalOf, requireAuth, requireRole } from "./middleware";
export { passwordResetMail, verificationMail } from "./recovery";
export { identityRoutes } from "./routes";
export { securedRoute } from "./secured-route";
export { contactOf, type SellerView, savedAddress, sellerOf, sellerProfiles, storeNames } from "./service";
