import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { buildServices } from "../../workers/platform/services";
import type { PromotionsContext } from "../../workers/promotions/context";
import type { PromotionView } from "../../workers/promotions/schemas";
import { api, json, type TestAccount } from "./identity";

export type { PromotionView } from "../../workers/promotions/schemas";

export const eur = (amount: number) => ({ amount, currency: "EUR" });

/** Where an account manages promotions: sellers their own, admins the marketplace's. */
export const promotionsPath = (scope: "seller" | "admin") => `/v1/${scope}/promotions`;

/** Creates a promotion through the API (a seller's unless `scope` is admin) and answers it; any other answer throws. */
export async function runPromotion(
  account: TestAccount,
  body: Record<string, unknown>,
  scope: "seller" | "admin" = "seller",
): Promise<PromotionView> {
  const response = await api(promotionsPath(scope), json(body, { headers: account.auth }));
  if (response.status !== 201) throw new Error(`promotion not created: ${response.status} ${await response.text()}`);
  return response.json<PromotionView>();
}

/** PATCH of one promotion through the API, with extra headers (If-Match) when given. */
export function changePromotion(
  account: TestAccount,
  id: string,
  body: Record<string, unknown>,
  scope: "seller" | "admin" = "seller",
  headers: Record<string, string> = {},
) {
  return api(
    `${promotionsPath(scope)}/${id}`,
    json(body, { method: "PATCH", headers: { ...account.auth, ...headers } }),
  );
}

/** The promotions module's context, as a consumer gets it, for calling its service directly. */
export function promotionsTestContext(): PromotionsContext {
  const config = loadConfig(env);
  const log = createLogger({ test: true });
  return { services: buildServices(env, config, createExecutionContext(), log), log };
}
