import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { requireAuth, requireRole } from "../../identity";
import { idPattern } from "../../lib/ids";
import { FINDING_KINDS, reconciliationReport, runReconciliation } from "../reconciliation";

const ReportSchema = z
  .object({
    run: z.object({
      id: z.string(),
      runAt: z.string(),
      since: z.string().openapi({ description: "Payments and orders changed since then were compared" }),
      finishedAt: z.string(),
      paymentsChecked: z.number().int(),
      ordersChecked: z.number().int(),
      findings: z.number().int(),
      clean: z.boolean(),
    }),
    findings: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(FINDING_KINDS),
        orderId: z.string().nullable(),
        paymentId: z.string().nullable(),
        detail: z.string(),
      }),
    ),
  })
  .openapi("ReconciliationReport");

const security = [{ bearerAuth: [] }];
const tags = ["Operations"];
const asAdmin = [requireAuth, requireRole("admin")];

const report = createRoute({
  method: "get",
  path: "/v1/admin/reconciliation",
  tags,
  summary: "The latest reconciliation of payments, refunds and orders (or one run by id)",
  description:
    "Runs daily: a paid order without a captured payment, captured money without a paid order, captures that " +
    "differ from the order total, refund totals that disagree, refunds stuck half-way.",
  security,
  middleware: asAdmin,
  request: { query: z.object({ run: z.string().regex(idPattern("rec")).optional() }) },
  responses: { 200: jsonContent(ReportSchema, "The run and its findings"), ...problems(400, 401, 403, 404) },
});

const runNow = createRoute({
  method: "post",
  path: "/v1/admin/reconciliation/runs",
  tags,
  summary: "Reconcile now (the same run the daily cron makes)",
  security,
  middleware: asAdmin,
  responses: { 201: jsonContent(ReportSchema, "The run and its findings"), ...problems(401, 403) },
});

export const reconciliationRoutes = createRouter()
  .openapi(report, async (c) => {
    const found = await reconciliationReport(c.get("services"), c.req.valid("query").run);
    if (!found) throw new AppError("not_found", "No reconciliation has run yet.");
    return c.json(found, 200);
  })
  .openapi(runNow, async (c) => {
    const services = c.get("services");
    const run = await runReconciliation(services);
    return c.json((await reconciliationReport(services, run.id))!, 201);
  });
