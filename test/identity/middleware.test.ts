import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { OpenAPIHono } from "@hono/zod-openapi";
import { describe, expect, it } from "vitest";
import type { AppEnv } from "../../workers/http/context";
import { onError } from "../../workers/http/errors";
import { init } from "../../workers/http/middleware/init";
import { requestId } from "../../workers/http/middleware/request-id";
import { principalOf, requireAuth, requireRole } from "../../workers/identity/middleware";
import { asAdmin, asSeller, signUp } from "../support/identity";

/** A stand-in for a later module's routes, guarded the way those modules will guard theirs. */
const app = new OpenAPIHono<AppEnv>();
app.use("*", requestId, init);
app.get("/whoami", requireAuth, (c) => c.json(principalOf(c)));
app.get("/seller-only", requireAuth, requireRole("seller"), (c) => c.json({ ok: true }));
app.get("/admin-only", requireAuth, requireRole("admin"), (c) => c.json({ ok: true }));
app.onError(onError);

async function call(path: string, auth: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const response = await app.fetch(new Request(`http://module.test${path}`, { headers: auth }), env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("requireAuth / requireRole for other modules", () => {
  it("sets the principal from the token: user, session and roles", async () => {
    const account = await signUp();
    const response = await call("/whoami", account.auth);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      userId: account.userId,
      sessionId: expect.stringMatching(/^ses_/),
      roles: ["buyer"],
    });
  });

  it("lets a role through and refuses others with 403 forbidden", async () => {
    const buyer = await signUp();
    const seller = await asSeller();
    const admin = await asAdmin();
    expect((await call("/seller-only", seller.auth)).status).toBe(200);
    const refused = await call("/seller-only", buyer.auth);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "forbidden" });
    expect((await call("/admin-only", seller.auth)).status).toBe(403);
    expect((await call("/admin-only", admin.auth)).status).toBe(200);
  });

  it("answers 401 before any role check when there is no valid token", async () => {
    expect((await call("/seller-only")).status).toBe(401);
    expect((await call("/seller-only", { authorization: "Bearer nope" })).status).toBe(401);
  });
});
