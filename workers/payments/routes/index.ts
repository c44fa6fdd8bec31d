import { createRouter } from "../../http/router";
import type { Services } from "../../platform/services";
import type { OrderLedgerSource } from "../reconciliation";
import { devPaymentRoutes } from "./dev";
import { reconciliationRoutes } from "./reconciliation";
import { webhookRoutes } from "./webhooks";

/** Every route of the payments module, mounted once in workers/app.ts, which gives it the orders ledger. */
export const paymentRoutes = (ordersLedger: (services: Services) => OrderLedgerSource) =>
  createRouter().route("/", webhookRoutes).route("/", devPaymentRoutes).route("/", reconciliationRoutes(ordersLedger));
