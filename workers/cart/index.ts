/** What cart offers the other modules; everything else in this folder is private to it. */
export { deletedUserCart } from "./consumers";
export { type Quote, type QuotedLine, type QuotedSeller, type QuoteLine, type QuoteRequest, quoteCart } from "./quote";
export { refusalError } from "./refusals";
export { cartRoutes } from "./routes";
export { mergeGuestCart } from "./routes/scope";
export { type CartStub, checkChoice, userCartLines } from "./service";
export { userCartName } from "./token";
