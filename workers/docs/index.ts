/** What docs offers the other modules; everything else in this folder is private to it. */
export { docsRoutes } from "./routes";
