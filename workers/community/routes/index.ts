import { createRouter } from "../../http/router";
import { commentRoutes } from "./comments";
import { followRoutes } from "./follows";
import { moderationRoutes } from "./moderation";
import { reportRoutes } from "./reports";
import { reviewRoutes } from "./reviews";
import { sellerReviewRoutes } from "./seller-reviews";
import { threadRoutes } from "./threads";
import { voteRoutes } from "./votes";

/** Every community route: reviews, ratings, threads and comments, reports and the moderation queue. */
export const communityRoutes = createRouter()
  .route("/", reviewRoutes)
  .route("/", voteRoutes)
  .route("/", sellerReviewRoutes)
  .route("/", threadRoutes)
  .route("/", commentRoutes)
  .route("/", followRoutes)
  .route("/", reportRoutes)
  .route("/", moderationRoutes);
