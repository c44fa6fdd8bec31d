/** What cart offers the other modules; everything else in this folder is private to it. */
export { deletedUserCart } from "./events";
export { cartRoutes } from "./routes";
export { mergeGuestCart } from "./scope";
export { type CartStub, checkChoice } from "./service";
export { userCartName } from "./token";
