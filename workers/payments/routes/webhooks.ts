import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import type { ProviderName } from "../provider";
import { receiveWebhook } from "../service";

const Acknowledged = z.object({
  received: z.literal(true),
  outcome: z.enum(["accepted", "duplicate", "unmatched", "ignored"]),
});

const webhookRoute = (provider: ProviderName, signatureHeader: string) =>
  publicRoute({
    method: "post",
    path: `/v1/webhooks/${provider}`,
    operationId: provider === "stripe" ? "receiveStripeWebhook" : "receiveSimulatedWebhook",
    tags: ["Payments"],
    summary: `Payment events from ${provider === "stripe" ? "Stripe" : "the payment simulator"}`,
    description: `Verifies \`${signatureHeader}\` over the raw body before anything else, records the event id (a duplicate is acknowledged and ignored) and enqueues it.`,
    request: { headers: z.object({ [signatureHeader]: z.string().optional() }) },
    responses: {
      200: { description: "Acknowledged", content: { "application/json": { schema: Acknowledged } } },
      ...problems(400, 404),
    },
  });

/** Shared by both providers' webhooks and by the simulator's dev routes: verify, dedupe, enqueue. */
export async function acceptWebhook(c: Context<AppEnv>, provider: ProviderName, rawBody: string, signature?: string) {
  const services = c.get("services");
  if (services.payments.name !== provider) throw new AppError("not_found", `The ${provider} provider is not active.`);
  const event = await services.payments.verifyWebhook(rawBody, signature);
  if (!event) throw new AppError("invalid_signature");
  const outcome = await receiveWebhook(services, services.payments, event, rawBody);
  c.get("log").info("payment webhook", { provider, providerEventId: event.providerEventId, type: event.type, outcome });
  return outcome;
}

export const webhookRoutes = createRouter()
  .openapi(webhookRoute("stripe", "stripe-signature"), async (c) => {
    const outcome = await acceptWebhook(c, "stripe", await c.req.text(), c.req.header("stripe-signature"));
    return c.json({ received: true as const, outcome }, 200);
  })
  .openapi(webhookRoute("simulated", "x-simulated-signature"), async (c) => {
    const outcome = await acceptWebhook(c, "simulated", await c.req.text(), c.req.header("x-simulated-signature"));
    return c.json({ received: true as const, outcome }, 200);
  });
