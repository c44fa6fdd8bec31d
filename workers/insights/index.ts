/** What insights offers the other modules; everything else in this folder is private to it. */

export { funnelCartTally, funnelViewTally, purchaseRecorder, viewerRecorder } from "./consumers";
export { type InsightsContext, insightsContext, insightsContextOf } from "./context";
// ── recommendations ─────────────────────────────────────────────────────────────────────────────────────────────
export { recommendationRoutes } from "./recommendations/routes";
export { bookPageExtras, rebuildRecommendations } from "./recommendations/service";
// ── reports ─────────────────────────────────────────────────────────────────────────────────────────────────────
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
