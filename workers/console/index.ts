/** What the console offers the other modules; everything else in this folder is private to it. */
export { consoleRoutes } from "./routes";
