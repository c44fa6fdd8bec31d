export type { TaxLine } from "../../schema/tax";
export {
  addTaxLines,
  includedTax,
  type Rates,
  sellerOrderTax,
  type TaxablePart,
  type TaxClass,
  type TaxedLine,
  taxLinesOf,
  taxTotal,
} from "./engine";
export { taxRoutes } from "./routes";
export { type Destination, ratesFor } from "./service";
