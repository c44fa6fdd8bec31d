/** What payouts offers the other modules; everything else in this folder is private to it. */
export {
  findPayoutAccount,
  type OnboardingLink,
  type PayoutAccountView,
  payoutAccount,
  startOnboarding,
} from "./accounts";
export { type SellerBalance, type SellerPayout, sellerBalance, sellerPayouts } from "./balances";
export { payoutAccountConsumer, sellerLedgerConsumer } from "./consumers";
export { type PayoutsContext, payoutsContext, payoutsContextOf } from "./context";
export { ledgerFindings } from "./invariants";
export { payoutRoutes } from "./routes";
export { CONSOLE_PAYOUTS_PATH } from "./routes/onboarding";
