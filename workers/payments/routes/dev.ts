import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { paymentsContextOf } from "../context";
import { Delivered, SimulatedOutcomeBody, SimulatedPaymentParam } from "../schemas";
import { settleSimulatedPayment } from "../webhooks";

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
      params: SimulatedPaymentParam,
      body: { required: false, content: { "application/json": { schema: SimulatedOutcomeBody } } },
    },
    responses: {
      200: { description: "Delivered", content: { "application/json": { schema: Delivered } } },
      ...problems(400, 404),
    },
  });

export const devPaymentRoutes = createRouter();

for (const outcome of ["succeed", "fail"] as const) {
  devPaymentRoutes.openapi(settle(outcome), async (c) => {
    const { paymentId } = c.req.valid("param");
    const { failureReason } = c.req.valid("json");
    return c.json(await settleSimulatedPayment(paymentsContextOf(c), paymentId, outcome, failureReason), 200);
  });
}
