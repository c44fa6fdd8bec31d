import { createRouter } from "../../http/router";
import { adminTicketRoutes } from "./admin";
import { attachmentRoutes } from "./attachments";
import { ADMIN, BUYER, SELLER } from "./audiences";
import { buyerTicketRoutes } from "./buyer";
import { conversationRoutes } from "./conversation";
import { sellerTicketRoutes } from "./seller";

/** Every route of the support module, mounted once in workers/app.ts. */
export const supportRoutes = createRouter()
  .route("/", buyerTicketRoutes)
  .route("/", conversationRoutes(BUYER))
  .route("/", attachmentRoutes(BUYER))
  .route("/", sellerTicketRoutes)
  .route("/", conversationRoutes(SELLER))
  .route("/", attachmentRoutes(SELLER))
  .route("/", adminTicketRoutes)
  .route("/", conversationRoutes(ADMIN))
  .route("/", attachmentRoutes(ADMIN));
