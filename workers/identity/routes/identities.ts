import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { identityContext } from "../context";
import { principalOf } from "../middleware";
import { IdentitiesSchema, IdentityParams, LinkIdentityBody, LinkIdentityStarted } from "../schemas";
import { securedRoute } from "../secured-route";
import { listIdentities, unlinkIdentity } from "../service/identities";
import { startSignIn } from "../service/oidc";
import { noContent } from "./shared";

const tags = ["Account"];

const listRoute = securedRoute({
  method: "get",
  path: "/v1/me/identities",
  operationId: "listLinkedIdentities",
  tags,
  summary: "The social sign-ins linked to the account, and whether it has a password",
  description:
    "Each link names its provider and the email the provider gave when it was linked. An account opened with a " +
    "provider has no password (`hasPassword: false`) until one is set with the reset mail.",
  responses: { 200: jsonContent(IdentitiesSchema, "The linked sign-ins") },
});

const linkRoute = securedRoute({
  method: "post",
  path: "/v1/me/identities",
  operationId: "linkIdentity",
  tags,
  summary: "Start linking a sign-in provider to the signed-in account",
  description:
    "Answers the provider's URL: send the browser there. Back on `redirect` (a storefront page, 400 " +
    "`invalid_redirect` otherwise) the URL carries `oidc_linked` with the provider's id, or `oidc_error` " +
    "(`identity_in_use` when that provider account is linked to another account).",
  request: { body: { content: { "application/json": { schema: LinkIdentityBody } }, required: true } },
  responses: { 201: jsonContent(LinkIdentityStarted, "Linking started"), ...problems(400, 404, 415, 502) },
});

const unlinkRoute = securedRoute({
  method: "delete",
  path: "/v1/me/identities/{id}",
  operationId: "unlinkIdentity",
  tags,
  summary: "Unlink a social sign-in",
  description:
    "An account without a password keeps its last linked sign-in: 409 `last_sign_in_method` (set a password with " +
    "the reset mail first). Another account's sign-in, or an unknown id, is 404.",
  request: { params: IdentityParams },
  responses: { ...noContent, ...problems(400, 404, 409) },
});

export const linkedIdentityRoutes = createRouter()
  .openapi(listRoute, async (c) => c.json(await listIdentities(identityContext(c), principalOf(c)), 200))
  .openapi(linkRoute, async (c) => {
    const principal = principalOf(c);
    const url = await startSignIn(identityContext(c), { ...c.req.valid("json"), linkTo: principal });
    return c.json({ authorizationUrl: url.toString() }, 201);
  })
  .openapi(unlinkRoute, async (c) => {
    await unlinkIdentity(identityContext(c), principalOf(c), c.req.valid("param").id);
    return c.body(null, 204);
  });
