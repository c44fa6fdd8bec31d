import { z } from "@hono/zod-openapi";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { identityContext } from "../context";
import { signInProviders } from "../oidc";
import {
  OidcCallbackQuery,
  OidcCodeBody,
  OidcLinkBody,
  OidcStartQuery,
  ProviderParams,
  SignInProvidersSchema,
  TokensSchema,
} from "../schemas";
import { exchangeSignInCode, finishSignIn, linkWithPassword, startSignIn } from "../service/oidc";
import type { AuthHooks } from "./auth";

const tags = ["Identity"];
const json = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });
const cartToken = z.object({ "x-cart-token": z.string().max(200).optional() });
const redirect = (description: string) => ({
  description,
  headers: { location: { schema: { type: "string" as const }, description: "Where the browser goes next" } },
});

const providersRoute = publicRoute({
  method: "get",
  path: "/v1/auth/oidc/providers",
  operationId: "listSignInProviders",
  tags,
  summary: "The social sign-in providers this marketplace offers",
  description:
    'For a "Sign in with …" button each: send the browser to `startUrl` with `?redirect=` the storefront page to ' +
    "return to. Answers an empty list when no provider is configured.",
  responses: { 200: jsonContent(SignInProvidersSchema, "The providers") },
});

const startRoute = publicRoute({
  method: "get",
  path: "/v1/auth/oidc/{provider}/start",
  operationId: "startSocialSignIn",
  tags,
  summary: "Send the browser to a sign-in provider (OpenID Connect with PKCE, state and nonce)",
  description:
    "Open this in the browser (a navigation, not a fetch). `redirect` is the storefront page the browser returns to, " +
    "and must be on one of the marketplace's storefront origins (400 `invalid_redirect` otherwise: no open " +
    "redirects). Back there, the URL carries `oidc_code` (trade it with `POST /v1/auth/oidc/exchange` within ten " +
    "minutes) or `oidc_error`: `access_denied`, `code_refused`, `invalid_id_token`, `email_unverified`, " +
    "`identity_in_use`, `provider_unavailable` or `try_again`. An unknown provider is 404; an unreachable one 502 " +
    "`provider_unavailable`.",
  request: { params: ProviderParams, query: OidcStartQuery },
  limit: "writes",
  responses: { 302: redirect("To the provider's sign-in page"), ...problems(400, 404, 429, 502) },
});

const callbackRoute = publicRoute({
  method: "get",
  path: "/v1/auth/oidc/{provider}/callback",
  operationId: "finishSocialSignIn",
  tags,
  summary: "Where the provider sends the browser back; it continues to the storefront",
  description:
    "The `state` is claimed once: unknown, expired or replayed, it is 400 `invalid_state` (nothing is signed in). " +
    "Otherwise the code is redeemed and the ID token verified (signature from the issuer's JWKS, `iss`, `aud`, " +
    "`exp`, `nonce`) before the browser goes back to the storefront with `oidc_code`, `oidc_linked` or `oidc_error`.",
  request: { params: ProviderParams, query: OidcCallbackQuery },
  limit: "writes",
  responses: { 302: redirect("Back to the storefront"), ...problems(400, 404, 429) },
});

const exchangeRoute = publicRoute({
  method: "post",
  path: "/v1/auth/oidc/exchange",
  operationId: "exchangeSignInCode",
  tags,
  summary: "Trade the `oidc_code` of a social sign-in for tokens (once)",
  description:
    "The answer is a login's: tokens, or 401 `mfa_required` with `challengeId` when two-factor sign-in is on. A " +
    "code that is unknown, expired or used is 400 `invalid_or_expired_token`. When the provider's verified email " +
    "belongs to an account that has not linked this provider, it is 409 `link_required` (with `email` and " +
    "`provider`): prove the account's password with `POST /v1/auth/oidc/link`. A suspended account is 403 " +
    "`account_suspended`.",
  request: { body: json(OidcCodeBody), headers: cartToken },
  responses: { 200: jsonContent(TokensSchema, "Signed in"), ...problems(400, 401, 403, 409, 415, 429) },
});

const linkRoute = publicRoute({
  method: "post",
  path: "/v1/auth/oidc/link",
  operationId: "linkSocialSignInWithPassword",
  tags,
  summary: "Link a social sign-in to the account that uses its email, with that account's password",
  description:
    "For a code answered 409 `link_required`. A wrong password is 401 `invalid_credentials` (limited like logins, " +
    "429); the code stays usable until it expires. Then the answer is a login's, `mfa_required` included.",
  request: { body: json(OidcLinkBody), headers: cartToken },
  responses: { 200: jsonContent(TokensSchema, "Linked and signed in"), ...problems(400, 401, 403, 409, 415, 429) },
});

export const oidcRoutes = ({ sellers, afterLogin }: AuthHooks) =>
  createRouter()
    .openapi(providersRoute, (c) => {
      const base = c.get("config").PUBLIC_BASE_URL;
      const providers = signInProviders(c.get("config")).map(({ id, name }) => ({
        id,
        name,
        startUrl: `${base}/v1/auth/oidc/${id}/start`,
      }));
      return c.json({ providers }, 200);
    })
    .openapi(startRoute, async (c) => {
      const { provider } = c.req.valid("param");
      const url = await startSignIn(identityContext(c), { provider, redirect: c.req.valid("query").redirect });
      return c.redirect(url.toString(), 302);
    })
    .openapi(callbackRoute, async (c) => {
      const { provider } = c.req.valid("param");
      const back = await finishSignIn(identityContext(c), provider, new URL(c.req.url).searchParams);
      c.header("referrer-policy", "no-referrer");
      return c.redirect(back.toString(), 302);
    })
    .openapi(exchangeRoute, async (c) => {
      const { principal: _, ...tokens } = await exchangeSignInCode(
        { ...identityContext(c), sellers },
        c.req.valid("json").code,
      );
      await afterLogin(c, tokens.user.id);
      return c.json(tokens, 200);
    })
    .openapi(linkRoute, async (c) => {
      const { principal: _, ...tokens } = await linkWithPassword(
        { ...identityContext(c), sellers },
        c.req.valid("json"),
      );
      await afterLogin(c, tokens.user.id);
      return c.json(tokens, 200);
    });
