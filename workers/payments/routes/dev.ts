import { z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { newId } from "../../lib/ids";
import { signSimulatedEvent } from "../simulated";
import { paymentById } from "../store";
import { acceptWebhook } from "./webhooks";

const settle = (outcome: "succeed" | "fail") =>
  publicRoute({
    method: "post",
    path: `/v1/dev/payments/{paymentId}/${outcome}`,
    operationId: outcome === "succeed" ? "succeedSimulatedPayment" : "failSimulatedPayment",
    tags: ["Development"],
    summary: `Make a simulated payment ${outcome === "succeed" ? "succeed" : "fail"} (only while the simulator is active)`,
    description:
      "Builds a signed simulator event and delivers it through the same path as `POST /v1/webhooks/simulated`.",
    request: {
      params: z.object({ paymentId: z.string().regex(/^pay_[0-9a-f]{32}$/) }),
      body: {
        required: false,
        content: { "application/json": { schema: z.object({ failureReason: z.string().max(200).optional() }) } },
      },
    },
    responses: {
      200: {
        description: "Delivered",
        content: { "application/json": { schema: z.object({ eventId: z.string(), outcome: z.string() }) } },
      },
      ...problems(400, 404),
    },
  });

export const devPaymentRoutes = createRouter();

for (const outcome of ["succeed", "fail"] as const) {
  devPaymentRoutes.openapi(settle(outcome), async (c) => {
    const { config, services } = { config: c.get("config"), services: c.get("services") };
    if (services.payments.name !== "simulated") throw new AppError("not_found", "The payment simulator is not active.");
    const payment = await paymentById(services.db, c.req.valid("param").paymentId);
    if (!payment) throw new AppError("not_found", "No such payment.");
    const eventId = newId("evt").replace("evt_", "sim_evt_");
    const body = JSON.stringify({
      id: eventId,
      type: outcome === "succeed" ? "payment.succeeded" : "payment.failed",
      data: {
        paymentId: payment.providerPaymentId,
        amount: payment.amount,
        currency: payment.currency,
        failureReason: c.req.valid("json").failureReason,
      },
    });
    const signature = await signSimulatedEvent(config.SIMULATED_WEBHOOK_SECRET!, body);
    return c.json({ eventId, outcome: await acceptWebhook(c, "simulated", body, signature) }, 200);
  });
}
