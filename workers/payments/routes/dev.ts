import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { paymentsContextOf } from "../context";
import {
  Delivered,
  DisputeOpened,
  SimulatedDeliveryQuery,
  SimulatedDisputeBody,
  SimulatedDisputeCloseBody,
  SimulatedDisputeParam,
  SimulatedOutcomeBody,
  SimulatedPaymentParam,
} from "../schemas";
import {
  closeSimulatedDispute,
  openSimulatedDispute,
  type SimulatedAnswer,
  settleSimulatedPayment,
} from "../simulated-events";

const tags = ["Development"];
const delivery =
  "Builds a signed simulator event and delivers it through the same path as `POST /v1/webhooks/simulated`.";

const ANSWERS: Record<SimulatedAnswer, { operationId: string; summary: string }> = {
  succeed: { operationId: "succeedSimulatedPayment", summary: "Make a simulated payment succeed" },
  processing: {
    operationId: "processSimulatedPayment",
    summary: "Make a simulated payment settle later, as a bank debit does",
  },
  fail: { operationId: "failSimulatedPayment", summary: "Make a simulated payment fail" },
};

const settle = (answer: SimulatedAnswer) =>
  publicRoute({
    method: "post",
    path: `/v1/dev/payments/{paymentId}/${answer}`,
    operationId: ANSWERS[answer].operationId,
    tags,
    summary: `${ANSWERS[answer].summary} (only while the simulator is active)`,
    description: `${delivery} \`?deliver=false\` records it on the simulator's side only, as a webhook that was lost.`,
    request: {
      params: SimulatedPaymentParam,
      query: SimulatedDeliveryQuery,
      body: { required: false, content: { "application/json": { schema: SimulatedOutcomeBody } } },
    },
    responses: { 200: jsonContent(Delivered, "Delivered"), ...problems(400, 404) },
  });

const openDispute = publicRoute({
  method: "post",
  path: "/v1/dev/payments/{paymentId}/dispute",
  operationId: "disputeSimulatedPayment",
  tags,
  summary: "Dispute a captured simulated payment, as a buyer's chargeback (only while the simulator is active)",
  description: `${delivery} One dispute per payment: asking again delivers news of the same one.`,
  request: {
    params: SimulatedPaymentParam,
    body: { required: false, content: { "application/json": { schema: SimulatedDisputeBody } } },
  },
  responses: { 200: jsonContent(DisputeOpened, "Delivered"), ...problems(400, 404, 422) },
});

const closeDispute = publicRoute({
  method: "post",
  path: "/v1/dev/disputes/{disputeId}/close",
  operationId: "closeSimulatedDispute",
  tags,
  summary: "Decide an open simulated dispute: won or lost (only while the simulator is active)",
  description: `${delivery} A dispute already closed is 409.`,
  request: {
    params: SimulatedDisputeParam,
    body: { content: { "application/json": { schema: SimulatedDisputeCloseBody } } },
  },
  responses: { 200: jsonContent(Delivered, "Delivered"), ...problems(400, 404, 409) },
});

export const devPaymentRoutes = createRouter();

for (const answer of ["succeed", "processing", "fail"] as const) {
  devPaymentRoutes.openapi(settle(answer), async (c) => {
    const { paymentId } = c.req.valid("param");
    const { deliver } = c.req.valid("query");
    const { failureReason } = c.req.valid("json");
    const delivered = await settleSimulatedPayment(paymentsContextOf(c), paymentId, answer, {
      failureReason,
      deliver: deliver === "true",
    });
    return c.json(delivered, 200);
  });
}

devPaymentRoutes
  .openapi(openDispute, async (c) => {
    const { paymentId } = c.req.valid("param");
    return c.json(await openSimulatedDispute(paymentsContextOf(c), paymentId, c.req.valid("json")), 200);
  })
  .openapi(closeDispute, async (c) => {
    const { disputeId } = c.req.valid("param");
    const { outcome } = c.req.valid("json");
    return c.json(await closeSimulatedDispute(paymentsContextOf(c), disputeId, outcome), 200);
  });
