/** What operations offers the other modules; everything else in this folder is private to it. */
export { operationsRoutes } from "./routes";
