import { createRouter } from "../../http/router";
import { feedRoutes } from "./feed";
import { mailboxRoutes } from "./mailbox";
import { preferenceRoutes } from "./preferences";
import { unsubscribeRoutes } from "./unsubscribe";

/** Every route of the notifications module, mounted once in workers/app.ts. */
export const notificationRoutes = createRouter()
  .route("/", mailboxRoutes)
  .route("/", preferenceRoutes)
  .route("/", feedRoutes)
  .route("/", unsubscribeRoutes);
