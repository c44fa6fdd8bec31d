/** What insights offers the other modules; everything else in this folder is private to it. */

// --- recommendations ---
export { purchaseRecorder, viewerRecorder } from "./consumers";
export { type InsightsContext, insightsContext, insightsContextOf } from "./context";
export { recommendationRoutes } from "./recommendations/routes";
export { boughtTogether, rebuildRecommendations } from "./recommendations/service";
