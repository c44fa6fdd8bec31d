import { createRouter } from "../../http/router";
import { bookAlertRoutes } from "./book-alerts";
import { deliveryRoutes } from "./deliveries";
import { devMessageRoutes } from "./dev-messages";
import { feedRoutes } from "./feed";
import { mailboxRoutes } from "./mailbox";
import { phoneRoutes } from "./phone";
import { preferenceRoutes } from "./preferences";
import { pushSubscriptionRoutes } from "./push-subscriptions";
import { unsubscribeRoutes } from "./unsubscribe";

/** Every route of the notifications module, mounted once in workers/app.ts. */
export const notificationRoutes = createRouter()
  .route("/", mailboxRoutes)
  .route("/", devMessageRoutes)
  .route("/", feedRoutes)
  .route("/", preferenceRoutes)
  .route("/", unsubscribeRoutes)
  .route("/", phoneRoutes)
  .route("/", pushSubscriptionRoutes)
  .route("/", bookAlertRoutes)
  .route("/", deliveryRoutes);
