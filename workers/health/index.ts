/** What health offers the other modules; everything else in this folder is private to it. */
export { healthRoutes } from "./routes";
