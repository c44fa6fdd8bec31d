import { describe, expect, it } from "vitest";
import { api } from "../support/http";

interface Operation {
  security?: unknown[];
  responses: Record<string, unknown>;
}

describe("identity in the OpenAPI document", () => {
  it("documents every identity route, with bearer auth where a token is needed", async () => {
    const document = await (await api("/openapi.json")).json<{ paths: Record<string, Record<string, Operation>> }>();
    const routes = [
      ["post", "/v1/auth/register", false],
      ["post", "/v1/auth/verify-email", false],
      ["post", "/v1/auth/verify-email/resend", true],
      ["post", "/v1/auth/login", false],
      ["post", "/v1/auth/refresh", false],
      ["post", "/v1/auth/logout", true],
      ["post", "/v1/auth/logout-all", true],
      ["post", "/v1/auth/password-reset", false],
      ["post", "/v1/auth/password-reset/confirm", false],
      ["get", "/v1/me", true],
      ["patch", "/v1/me", true],
      ["delete", "/v1/me", true],
      ["post", "/v1/me/password", true],
      ["get", "/v1/me/sessions", true],
      ["delete", "/v1/me/sessions/{id}", true],
      ["post", "/v1/sellers", true],
      ["get", "/v1/admin/audit", true],
      ["get", "/.well-known/jwks.json", false],
    ] as const;
    for (const [method, path, secured] of routes) {
      const operation = document.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(Boolean(operation?.security?.length), `${method} ${path} security`).toBe(secured);
      if (secured) expect(Object.keys(operation!.responses)).toContain("401");
    }
  });
});
