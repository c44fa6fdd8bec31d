/** What community offers the other modules; everything else in this folder is private to it. */

export { deletedAuthor } from "./consumers";
export { type CommunityContext, communityConsumerContext, communityContext } from "./context";
export { contributionsIn, type WrittenReview } from "./contributions";
export { communityRoutes } from "./routes";
export { recomputeRatings } from "./service/recompute";
