import { createRouter } from "../../http/router";
import { bookAlertRoutes } from "./book-alerts";
import { deliveryRoutes } from "./deliveries";
import { devMessageRoutes } from "./dev-messages";
import { mailboxRoutes } from "./mailbox";
import { phoneRoutes } from "./phone";
import { pushSubscriptionRoutes } from "./push-subscriptions";

/** Every route of the notifications module, mounted once in workers/app.ts. */
export const notificationRoutes = createRouter()
  .route("/", mailboxRoutes)
  .route("/", bookAlertRoutes)
  .route("/", devMessageRoutes)
  .route("/", phoneRoutes)
  .route("/", pushSubscriptionRoutes)
  .route("/", deliveryRoutes);
