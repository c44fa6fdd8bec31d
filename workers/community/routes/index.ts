import { createRouter } from "../../http/router";
import { commentRoutes } from "./comments";
import { followRoutes } from "./follows";
import { threadRoutes } from "./threads";

/** Every community route: reviews, ratings, threads and comments, reports and the moderation queue. */
export const communityRoutes = createRouter()
  .route("/", threadRoutes)
  .route("/", commentRoutes)
  .route("/", followRoutes);
