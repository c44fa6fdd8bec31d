/** What insights offers the other modules; everything else in this folder is private to it. */

// ── reports ─────────────────────────────────────────────────────────────────────────────────────────────────────
export { funnelCartTally, funnelViewTally } from "./consumers";
export { type InsightsContext, insightsContext, insightsContextOf } from "./context";
export { adminReportCsv, sellerReportCsv } from "./reports/csv";
export { weeklyReportRoutes } from "./reports/routes";
export type { SellerSupportFigure, SellerSupportFigures } from "./reports/sellers";
export {
  type AdminWeeklyReport,
  adminWeeklyReport,
  buildLastWeek,
  type SellerWeeklyReport,
  sellerWeeklyHistory,
  sellerWeeklyReport,
} from "./reports/service";
