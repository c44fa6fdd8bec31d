import { createRouter } from "../../http/router";

/** Every community route: reviews, ratings, threads and comments, reports and the moderation queue. */
export const communityRoutes = createRouter();
