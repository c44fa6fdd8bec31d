import { createRouter } from "../../http/router";
import { moderationRoutes } from "./moderation";
import { reportRoutes } from "./reports";

/** Every community route: reviews, ratings, threads and comments, reports and the moderation queue. */
export const communityRoutes = createRouter().route("/", reportRoutes).route("/", moderationRoutes);
