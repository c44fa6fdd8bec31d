import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { PageQuery } from "../../http/schemas";
import {
  CONSOLE_PAYOUTS_PATH,
  type PayoutsContext,
  payoutsContextOf,
  payoutsOverview,
  startOnboarding,
} from "../../payouts";
import { csrfOf, shopOf, shopPage } from "../render";
import { PayoutsPage, type PayoutsSummary } from "../views/payouts";
import { requireConsoleTotp } from "./security";

/** What the dashboard and the payouts page show: balances, a page of transfers, the account. */
export async function payoutsSummary(
  ctx: PayoutsContext,
  sellerId: string,
  page: { limit: number; cursor?: string },
): Promise<PayoutsSummary & { next: string | null }> {
  const { balance, transfers, account } = await payoutsOverview(ctx, sellerId, page);
  return { balance, transfers: transfers.items, account, next: transfers.nextCursor };
}

/** The payouts page (where the provider sends the seller back) and its onboarding button. */
export const payoutsRoutes = new Hono<AppEnv>()
  .get("/payouts", async (c) => {
    // A cursor the page did not hand out starts again from the newest transfers.
    const parsed = PageQuery.safeParse(c.req.query());
    const page = parsed.success ? parsed.data : { limit: 20 };
    const summary = await payoutsSummary(payoutsContextOf(c), shopOf(c).id, page).catch(() =>
      payoutsSummary(payoutsContextOf(c), shopOf(c).id, { limit: 20 }),
    );
    return shopPage(c, { title: "Payouts" }, <PayoutsPage payouts={summary} token={csrfOf(c)} next={summary.next} />);
  })
  .post("/payouts/onboarding", requireConsoleTotp("payouts"), async (c) => {
    const returnUrl = new URL(CONSOLE_PAYOUTS_PATH, c.req.url).toString();
    const link = await startOnboarding(payoutsContextOf(c), shopOf(c), returnUrl, c.get("principal"));
    return c.redirect(link.url, 303);
  });
