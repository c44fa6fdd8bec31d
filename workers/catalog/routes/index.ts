import { createRouter } from "../../http/router";
import { bookRoutes } from "./books";
import { categoryRoutes } from "./categories";
import { listingRoutes } from "./listings";
import { mediaRoutes } from "./media";

/** Every route of the catalog module, mounted once in workers/app.ts. */
export const catalogRoutes = createRouter()
  .route("/", bookRoutes)
  .route("/", categoryRoutes)
  .route("/", listingRoutes)
  .route("/", mediaRoutes);
