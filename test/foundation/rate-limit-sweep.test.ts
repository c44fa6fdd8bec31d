import { describe, expect, it } from "vitest";
import { BUDGETS } from "../../workers/config";
import { api } from "../support/http";

interface Operation {
  operationId: string;
  "x-rate-limit"?: { budget: string; perUser: unknown; perIp: unknown };
}

const WRITES = ["post", "put", "patch", "delete"];
const isSearch = (operation: Operation) =>
  /search|suggest/i.test(operation.operationId) || operation.operationId === "listBooks";

async function operations() {
  const document = await (await api("/openapi.json")).json<{ paths: Record<string, Record<string, Operation>> }>();
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  );
}

describe("rate limits in the OpenAPI document", () => {
  it("gives every write, search and suggest operation a budget", async () => {
    const all = await operations();
    const unlimited = all
      .filter(({ method, operation }) => WRITES.includes(method) || isSearch(operation))
      .filter(({ operation }) => !operation["x-rate-limit"])
      .map(({ method, path, operation }) => `${operation.operationId} (${method.toUpperCase()} ${path})`);
    expect(unlimited, "operations without x-rate-limit").toEqual([]);
    expect(all.filter(({ method }) => WRITES.includes(method)).length).toBeGreaterThan(80);
  });

  it("names a known budget, and only provider callbacks are exempt from user budgets", async () => {
    const all = await operations();
    for (const { path, operation } of all) {
      const limit = operation["x-rate-limit"];
      if (!limit) continue;
      if (limit.budget === "webhook") {
        expect(path, operation.operationId).toMatch(/^\/v1\/webhooks\//);
        continue;
      }
      expect(Object.keys(BUDGETS), operation.operationId).toContain(limit.budget);
      expect(limit.perUser, operation.operationId).toMatchObject({ config: expect.stringMatching(/^RATE_LIMIT_/) });
      expect(limit.perIp, operation.operationId).toMatchObject({ config: expect.stringMatching(/_PER_IP$/) });
    }
    const budgetOf = (id: string) =>
      all.find(({ operation }) => operation.operationId === id)?.operation["x-rate-limit"];
    expect(budgetOf("placeOrder")).toMatchObject({
      budget: "checkout",
      perUser: { config: "RATE_LIMIT_CHECKOUT_PER_USER", production: "20/600" },
      perIp: { config: "RATE_LIMIT_CHECKOUT_PER_IP", production: "60/600" },
    });
    expect(budgetOf("addCartItem")).toMatchObject({ budget: "cart" });
    expect(budgetOf("createRefund")).toMatchObject({ budget: "refunds" });
    expect(budgetOf("createSellerListing")).toMatchObject({ budget: "listings" });
    expect(budgetOf("startListingImport")).toMatchObject({ budget: "imports" });
    expect(budgetOf("postBookReview")).toMatchObject({
      budget: "reviews",
      perUser: { config: "RATE_LIMIT_REVIEWS_PER_READER" },
    });
    expect(budgetOf("commentOnThread")).toMatchObject({ budget: "comments" });
    expect(budgetOf("openSupportTicket")).toMatchObject({ budget: "tickets" });
    expect(budgetOf("listBooks")).toMatchObject({ budget: "search" });
    expect(budgetOf("suggestBooks")).toMatchObject({ budget: "suggest" });
    expect(budgetOf("updateAccount")).toMatchObject({ budget: "writes" });
    expect(budgetOf("receiveStripeWebhook")).toEqual({ budget: "webhook", perUser: null, perIp: null });
    expect(budgetOf("receiveSimulatedWebhook")).toEqual({ budget: "webhook", perUser: null, perIp: null });
  });
});
