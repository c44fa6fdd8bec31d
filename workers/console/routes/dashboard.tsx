import { Hono } from "hono";
import { catalogContext, lowStockListings } from "../../catalog";
import type { AppEnv } from "../../http/context";
import { ordersContextOf, sellerDashboard } from "../../orders";
import { payoutsContextOf } from "../../payouts";
import { printingContextOf, waitingPrintJobs } from "../../printing";
import { shopOf, shopPage } from "../render";
import { Dashboard } from "../views/dashboard";
import { payoutsSummary } from "./payouts";

const LOW_STOCK_SHOWN = 10;
const TRANSFERS_SHOWN = 5;

/**
 * The shop's front page. Its reads go out side by side: the orders figures (one batch), the low-stock listings
 * (one batch), the waiting print jobs (one query) and the payouts (balances, latest transfers, the account).
 */
export const dashboardRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const seller = shopOf(c);
  const [figures, lowStock, waiting, payouts] = await Promise.all([
    sellerDashboard(ordersContextOf(c), seller.id),
    lowStockListings(catalogContext(c), seller.id, LOW_STOCK_SHOWN),
    waitingPrintJobs(printingContextOf(c), seller.id),
    payoutsSummary(payoutsContextOf(c), seller.id, { limit: TRANSFERS_SHOWN }),
  ]);
  return shopPage(
    c,
    { title: "Dashboard", charts: true },
    <Dashboard
      storeName={seller.storeName}
      figures={figures}
      lowStock={lowStock}
      waitingPrintJobs={waiting}
      payouts={payouts}
    />,
  );
});
