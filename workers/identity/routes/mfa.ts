import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { identityContext } from "../context";
import { principalOf } from "../middleware";
import { RecoveryCodesSchema, TotpCodeBody, TotpDisableBody, TotpProvisioning } from "../schemas";
import { securedRoute } from "../secured-route";
import { confirmTotp, disableTotp, enrolTotp } from "../service/mfa";
import { noContent } from "./shared";

const tags = ["Account"];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

const enrolRoute = securedRoute({
  method: "post",
  path: "/v1/me/mfa/totp",
  operationId: "enrolTotp",
  tags,
  summary: "Start turning on two-factor sign-in: a TOTP secret, its otpauth:// URI and a QR code",
  description:
    "The secret stays pending until `POST /v1/me/mfa/totp/confirm` with a code from it; asking again replaces a " +
    "pending secret. With two-factor sign-in already on it is 409 `mfa_enabled`.",
  responses: { 201: jsonContent(TotpProvisioning, "A pending secret"), ...problems(409) },
});

const confirmRoute = securedRoute({
  method: "post",
  path: "/v1/me/mfa/totp/confirm",
  operationId: "confirmTotp",
  tags,
  summary: "Turn on two-factor sign-in with a first code; answers ten single-use recovery codes, shown once",
  description:
    "A code that does not match the pending secret (within one 30-second step either way) is 422 " +
    "`invalid_mfa_code`; tries are rate-limited per account (429). No pending secret is 409 `mfa_not_enabled`, " +
    "already on 409 `mfa_enabled`.",
  request: { body: json(TotpCodeBody) },
  responses: {
    200: jsonContent(RecoveryCodesSchema, "Two-factor sign-in is on"),
    ...problems(400, 409, 415, 422, 429),
  },
});

const disableRoute = securedRoute({
  method: "delete",
  path: "/v1/me/mfa/totp",
  operationId: "disableTotp",
  tags,
  summary: "Turn off two-factor sign-in (needs the password and a current code)",
  description:
    "A wrong password is 403 `wrong_password` (rate-limited per account, 429), a wrong or already used code 422 " +
    "`invalid_mfa_code`; when it is not on, 409 `mfa_not_enabled`. The secret and recovery codes are deleted.",
  request: { body: json(TotpDisableBody) },
  responses: { ...noContent, ...problems(400, 403, 409, 415, 422, 429) },
});

export const mfaRoutes = createRouter()
  .openapi(enrolRoute, async (c) => {
    return c.json(await enrolTotp(identityContext(c), principalOf(c)), 201);
  })
  .openapi(confirmRoute, async (c) => {
    const recoveryCodes = await confirmTotp(identityContext(c), principalOf(c), c.req.valid("json").code);
    return c.json({ recoveryCodes }, 200);
  })
  .openapi(disableRoute, async (c) => {
    await disableTotp(identityContext(c), principalOf(c), c.req.valid("json"));
    return c.body(null, 204);
  });
