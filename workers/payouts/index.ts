/** What payouts offers the other modules; everything else in this folder is private to it. */
export { type OnboardingLink, type PayoutAccountView, startOnboarding } from "./accounts";
export { payoutsOverview, type SellerBalance, type SellerPayout } from "./balances";
export { payoutAccountConsumer, sellerLedgerConsumer } from "./consumers";
export { type PayoutsContext, payoutsContext, payoutsContextOf } from "./context";
export { ledgerFindings } from "./invariants";
export { payoutLedger } from "./reconciliation";
export { payoutRoutes } from "./routes";
export { CONSOLE_PAYOUTS_PATH } from "./routes/onboarding";
