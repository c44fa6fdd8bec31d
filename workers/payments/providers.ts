import type { Config } from "../config";
import type { Db } from "../platform/db";
import type { PaymentProvider } from "./provider";
import { SimulatedProvider } from "./simulated";
import { StripeProvider } from "./stripe";

/** The configured payment provider; configuration validation guarantees its secrets are present. */
export function paymentProvider(config: Config, db: Db): PaymentProvider {
  if (config.PAYMENT_PROVIDER === "stripe") {
    return new StripeProvider({
      secretKey: config.STRIPE_SECRET_KEY!,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET!,
      apiBase: config.STRIPE_API_BASE ? new URL(config.STRIPE_API_BASE) : undefined,
    });
  }
  return new SimulatedProvider(config.SIMULATED_WEBHOOK_SECRET!, db);
}
