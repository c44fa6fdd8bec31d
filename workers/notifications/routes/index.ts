import { createRouter } from "../../http/router";
import { bookAlertRoutes } from "./book-alerts";
import { mailboxRoutes } from "./mailbox";

/** Every route of the notifications module, mounted once in workers/app.ts. */
export const notificationRoutes = createRouter().route("/", mailboxRoutes).route("/", bookAlertRoutes);
