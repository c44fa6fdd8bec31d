import { createEvent } from "../../queues/events";
import type { PayoutAccountRow } from "./store";

/** The events payouts emits. */
export const payoutEvents = {
  /** The simulator's onboarding step finished: the same word Stripe's `account.updated` brings. */
  simulatedAccountEnabled: (account: PayoutAccountRow) =>
    createEvent("PayoutAccountUpdated", {
      provider: account.provider,
      providerAccountId: account.providerAccountId,
      payoutsEnabled: true,
      detailsSubmitted: true,
    }),
};
