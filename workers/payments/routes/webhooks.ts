import { z } from "@hono/zod-openapi";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { paymentsContextOf } from "../context";
import type { ProviderName } from "../provider";
import { Acknowledged } from "../schemas";
import { acceptWebhook } from "../webhooks";

const webhookRoute = (provider: ProviderName, signatureHeader: string) =>
  publicRoute({
    method: "post",
    path: `/v1/webhooks/${provider}`,
    operationId: provider === "stripe" ? "receiveStripeWebhook" : "receiveSimulatedWebhook",
    // The provider retries from a few addresses: no user budget, but the default body limit still applies.
    limit: "webhook",
    tags: ["Payments"],
    summary: `Payment events from ${provider === "stripe" ? "Stripe" : "the payment simulator"}`,
    description: `Verifies \`${signatureHeader}\` over the raw body before anything else, records the event id (a duplicate is acknowledged and ignored) and enqueues it.`,
    request: { headers: z.object({ [signatureHeader]: z.string().optional() }) },
    responses: {
      200: { description: "Acknowledged", content: { "application/json": { schema: Acknowledged } } },
      ...problems(400, 404),
    },
  });

export const webhookRoutes = createRouter()
  .openapi(webhookRoute("stripe", "stripe-signature"), async (c) => {
    const body = await c.req.text();
    const outcome = await acceptWebhook(paymentsContextOf(c), "stripe", body, c.req.header("stripe-signature"));
    return c.json({ received: true as const, outcome }, 200);
  })
  .openapi(webhookRoute("simulated", "x-simulated-signature"), async (c) => {
    const body = await c.req.text();
    const outcome = await acceptWebhook(paymentsContextOf(c), "simulated", body, c.req.header("x-simulated-signature"));
    return c.json({ received: true as const, outcome }, 200);
  });
