/** What community offers the other modules; everything else in this folder is private to it. */
export { type CommunityContext, communityContext } from "./context";
export { communityRoutes } from "./routes";
