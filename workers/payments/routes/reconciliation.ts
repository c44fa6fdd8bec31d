import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import type { Services } from "../../platform/services";
import { type OrderLedgerSource, reconciliationReport, runReconciliation } from "../reconciliation";
import { ReconciliationRunQuery, ReportSchema } from "../schemas";

const tags = ["Operations"];

const report = securedRoute({
  method: "get",
  path: "/v1/admin/reconciliation",
  operationId: "getReconciliationReport",
  role: "admin",
  tags,
  summary: "The latest reconciliation of payments, refunds and orders (or one run by id)",
  description:
    "Runs daily: a paid order without a captured payment, captured money without a paid order, captures that " +
    "differ from the order total, refund totals that disagree, refunds stuck half-way.",
  request: { query: ReconciliationRunQuery },
  responses: { 200: jsonContent(ReportSchema, "The run and its findings"), ...problems(400, 401, 403, 404) },
});

const runNow = securedRoute({
  method: "post",
  path: "/v1/admin/reconciliation/runs",
  operationId: "runReconciliation",
  role: "admin",
  tags,
  summary: "Reconcile now (the same run the daily cron makes)",
  description:
    "Compares the payments and orders changed in the last two days and looks for refunds left unfinished for over " +
    "an hour; the run and its findings are stored, as `GET /v1/admin/reconciliation` shows them.",
  responses: { 201: jsonContent(ReportSchema, "The run and its findings"), ...problems(401, 403) },
});

/** The orders ledger is given by whoever mounts these routes (app.ts), so payments never imports orders. */
export const reconciliationRoutes = (ordersLedger: (services: Services) => OrderLedgerSource) =>
  createRouter()
    .openapi(report, async (c) => {
      const found = await reconciliationReport(c.get("services"), c.req.valid("query").run);
      if (!found) throw new AppError("not_found", "No reconciliation has run yet.");
      return c.json(found, 200);
    })
    .openapi(runNow, async (c) => {
      const services = c.get("services");
      const run = await runReconciliation({ services, orders: ordersLedger(services) });
      return c.json((await reconciliationReport(services, run.id))!, 201);
    });
