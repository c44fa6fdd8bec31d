import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { clientOf, principalOf, securedRoute } from "../../identity";
import type { Services } from "../../platform/services";
import {
  type OrderLedgerSource,
  type PayoutLedgerSource,
  reconciliationReport,
  runReconciliation,
} from "../reconciliation";
import { ReconciliationRunQuery, ReportSchema } from "../schemas";

const tags = ["Operations"];

const report = securedRoute({
  method: "get",
  path: "/v1/admin/reconciliation",
  operationId: "getReconciliationReport",
  role: "admin",
  tags,
  summary: "The latest reconciliation of payments, refunds and orders (or one run by id), with the tax collected",
  description:
    "Runs daily: a paid order without a captured payment, captured money without a paid order, captures that " +
    "differ from the order total, refund totals that disagree, refunds stuck half-way; then against the " +
    "provider's own records of the window: a capture whose success webhook never arrived (repaired: replayed " +
    "through the webhook path, the finding says so in `repair`), refunds matched one to one, and, with the payouts " +
    "ledger, transfers and reversals matched one to one and each seller's ledger checked. `taxCollected` gives per " +
    "destination country and UTC day the tax included in the orders paid that day, the tax given back by the " +
    "refunds completed that day and the net, in minor units, with each country's totals: over the days the run " +
    "compared (from the first midnight of its window up to the run) unless `from` and/or `to` name the days. " +
    "`from` after `to`, or more than 366 days, is 422. `feesCollected` gives the marketplace's fees per day over " +
    "the same days, from the payouts ledger.",
  request: { query: ReconciliationRunQuery },
  responses: {
    200: jsonContent(ReportSchema, "The run, its findings and the tax collected"),
    ...problems(400, 401, 403, 404, 422),
  },
});

const runNow = securedRoute({
  method: "post",
  path: "/v1/admin/reconciliation/runs",
  operationId: "runReconciliation",
  role: "admin",
  tags,
  summary: "Reconcile now (the same run the daily cron makes)",
  description:
    "Compares the payments and orders changed in the last two days, and the provider's own records of them, and " +
    "looks for refunds left unfinished for over an hour; the run and its findings are stored, as `GET /v1/admin/reconciliation` shows them.",
  responses: { 201: jsonContent(ReportSchema, "The run and its findings"), ...problems(401, 403) },
});

/** The orders ledger is given by whoever mounts these routes (app.ts), so payments never imports orders. */
export const reconciliationRoutes = (
  ordersLedger: (services: Services) => OrderLedgerSource,
  payoutsLedger?: (services: Services) => PayoutLedgerSource,
) =>
  createRouter()
    .openapi(report, async (c) => {
      const services = c.get("services");
      const { run, from, to } = c.req.valid("query");
      const context = { services, orders: ordersLedger(services), payouts: payoutsLedger?.(services) };
      const found = await reconciliationReport(context, { runId: run, from, to });
      if (!found) throw new AppError("not_found", "No reconciliation has run yet.");
      return c.json(found, 200);
    })
    .openapi(runNow, async (c) => {
      const services = c.get("services");
      const context = { services, orders: ordersLedger(services), payouts: payoutsLedger?.(services) };
      const run = await runReconciliation({ ...context, requestedBy: principalOf(c), client: clientOf(c) });
      return c.json((await reconciliationReport(context, { runId: run.id }))!, 201);
    });
