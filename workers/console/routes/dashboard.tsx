import { Hono } from "hono";
import { catalogContext, lowStockListings } from "../../catalog";
import type { AppEnv } from "../../http/context";
import { ordersContextOf, sellerDashboard } from "../../orders";
import { printingContextOf, waitingPrintJobs } from "../../printing";
import { shopOf, shopPage } from "../render";
import { Dashboard } from "../views/dashboard";

const LOW_STOCK_SHOWN = 10;

/**
 * The shop's front page. Its three reads go out side by side: the orders figures (one batch), the low-stock
 * listings (one batch) and the waiting print jobs (one query).
 */
export const dashboardRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const seller = shopOf(c);
  const [figures, lowStock, waiting] = await Promise.all([
    sellerDashboard(ordersContextOf(c), seller.id),
    lowStockListings(catalogContext(c), seller.id, LOW_STOCK_SHOWN),
    waitingPrintJobs(printingContextOf(c), seller.id),
  ]);
  return shopPage(
    c,
    { title: "Dashboard", charts: true },
    <Dashboard storeName={seller.storeName} figures={figures} lowStock={lowStock} waitingPrintJobs={waiting} />,
  );
});
