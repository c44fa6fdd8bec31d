/** What inventory offers the other modules; everything else in this folder is private to it. */
export {
  availability,
  extendHolds,
  type Hold,
  initializeStock,
  releaseHolds,
  reservationIdFor,
  reserveCart,
  type StockNamespace,
  setLowStockThreshold,
  setStock,
  stockOf,
  withdrawStock,
} from "./service";
