import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv, CallingSeller } from "../http/context";
import { AppError } from "../http/errors";
import { Page } from "./views/layout";

interface PageOptions {
  title: string;
  charts?: boolean;
  status?: ContentfulStatusCode;
  refreshTo?: string;
}

/** The shop a page of the shop acts for (set by `requireConsoleSession({ shop: true })`). */
export function shopOf(c: Context<AppEnv>): CallingSeller {
  const seller = c.get("seller");
  if (!seller) throw new AppError("forbidden", "Open your shop first.");
  return seller;
}

export const csrfOf = (c: Context<AppEnv>) => c.get("csrfToken") ?? "";

/** A page of the signed-in shop: navigation, sign-out and the form token htmx sends with every request. */
export function shopPage(c: Context<AppEnv>, { title, charts, status = 200 }: PageOptions, content: Child) {
  const shop = {
    storeName: shopOf(c).storeName,
    csrfToken: csrfOf(c),
    current: new URL(c.req.url).pathname,
    development: c.get("config").ENVIRONMENT !== "production" && c.get("config").MAIL_ADAPTER === "dev-mailbox",
  };
  return c.html(
    <Page title={title} shop={shop} charts={charts}>
      {content}
    </Page>,
    status,
  );
}

/** A page without the shop's navigation: sign-in, registration, onboarding, the mail links' pages. */
export function plainPage(c: Context<AppEnv>, { title, charts, status = 200, refreshTo }: PageOptions, content: Child) {
  return c.html(
    <Page title={title} charts={charts} refreshTo={refreshTo}>
      {content}
    </Page>,
    status,
  );
}

/** An htmx request gets only the fragment it swaps; a plain request the whole page around it. */
export const isFragmentRequest = (c: Context<AppEnv>) =>
  c.req.header("hx-request") === "true" && c.req.header("hx-history-restore-request") !== "true";

/** A page every signed-in account may open: with the shop's navigation when the account has a shop. */
export function accountPage(c: Context<AppEnv>, options: PageOptions, content: Child) {
  return c.get("seller") ? shopPage(c, options, content) : plainPage(c, options, content);
}
