import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import type { AppEnv } from "./context";

/**
 * Every error code the API can answer with, its HTTP status and its title.
 * Codes are a public contract: add new ones, never rename.
 */
export const ERROR_CODES = {
  bad_request: [400, "Bad request"],
  validation_failed: [400, "The request is not valid"],
  malformed_json: [400, "The request body is not valid JSON"],
  invalid_cursor: [400, "The pagination cursor is not valid"],
  invalid_week: [400, "The week is not an ISO week such as 2026-W48"],
  invalid_redirect: [400, "The redirect is not on a storefront origin of this marketplace"],
  invalid_state: [400, "The sign-in is unknown, expired or already finished"],
  security_mail_required: [400, "Security mail cannot be turned off"],
  unauthorized: [401, "Authentication required"],
  invalid_credentials: [401, "Wrong email or password"],
  invalid_token: [401, "The token is not valid"],
  invalid_or_expired_token: [400, "The token is invalid, expired or already used"],
  invalid_ticket: [401, "The live ticket is not valid, has expired or was already used"],
  mfa_required: [401, "A second factor is required to finish signing in"],
  mfa_failed: [401, "The code is not valid, or the sign-in challenge has ended"],
  forbidden: [403, "Not allowed"],
  wrong_password: [403, "The current password is not correct"],
  mfa_enrolment_required: [403, "Turn on two-factor sign-in first"],
  account_suspended: [403, "The account is suspended"],
  own_review: [403, "You cannot vote on your own review"],
  own_content: [403, "You cannot report your own post"],
  not_found: [404, "Not found"],
  method_not_allowed: [405, "Method not allowed"],
  conflict: [409, "Conflict"],
  email_taken: [409, "That email is already registered"],
  mfa_enabled: [409, "Two-factor sign-in is already on"],
  mfa_not_enabled: [409, "Two-factor sign-in is not on"],
  own_admin_role: [409, "You cannot revoke your own admin role"],
  config_role: [409, "The role comes from configuration (ADMIN_EMAILS) and cannot be revoked here"],
  own_account: [409, "You cannot suspend your own account"],
  already_seller: [409, "This account already has a seller profile"],
  store_name_taken: [409, "That store name is taken"],
  sku_taken: [409, "You already have a listing with this SKU"],
  sale_price_overlap: [409, "The listing has another sale price at that time"],
  insufficient_stock: [409, "Not enough stock"],
  listing_unavailable: [409, "The listing is not for sale"],
  out_of_stock: [409, "Out of stock"],
  invalid_transition: [409, "That status change is not allowed"],
  order_not_paid: [409, "The order is not paid"],
  idempotency_in_progress: [409, "A request with this Idempotency-Key is still being processed"],
  too_many_pending_orders: [409, "Too many unpaid orders"],
  already_reviewed: [409, "You have already reviewed this"],
  not_delivered: [409, "The seller order is not delivered yet"],
  already_reported: [409, "You already reported this post"],
  already_decided: [409, "A moderator already decided on this item"],
  phone_already_verified: [409, "The phone number is already verified"],
  promotion_code_taken: [409, "That promotion code is taken"],
  promotion_in_use: [409, "The promotion has been used: its kind and code can no longer change"],
  location_in_use: [409, "Listings ship from this location"],
  feedback_given: [409, "The ticket has been rated already"],
  link_required: [409, "An account uses this email: prove its password to link the sign-in"],
  identity_in_use: [409, "That sign-in is linked to another account"],
  last_sign_in_method: [409, "The account would have no way left to sign in"],
  ticket_not_resolved: [409, "The ticket is not resolved yet"],
  precondition_failed: [412, "It changed since it was read (If-Match)"],
  payload_too_large: [413, "The request body is too large"],
  unsupported_media_type: [415, "Unsupported media type"],
  unprocessable: [422, "The request cannot be processed"],
  week_not_over: [422, "The week is not over yet"],
  weak_password: [422, "The password does not meet the password policy"],
  invalid_mfa_code: [422, "The authenticator code is not valid"],
  invalid_isbn: [422, "The ISBN is not valid"],
  unsupported_currency: [422, "Listings on this marketplace are priced in another currency"],
  invalid_inscription: [422, "The inscription is not valid"],
  invalid_characters: [422, "The text holds control or bidirectional-override characters"],
  too_many_photos: [422, "The listing has as many photos as it may hold"],
  sale_price_not_reduced: [422, "A sale price must be below the listing's regular price"],
  idempotency_key_reused: [422, "This Idempotency-Key was used with a different request"],
  idempotency_key_required: [400, "An Idempotency-Key header is required"],
  invalid_signature: [400, "The webhook signature does not verify"],
  refund_exceeds_captured: [422, "The refund exceeds what was captured"],
  cart_empty: [422, "The cart is empty"],
  cart_full: [422, "The cart holds as many lines as it may"],
  shipping_unavailable: [422, "A seller does not ship there"],
  promotion_expired: [422, "The promotion has ended"],
  promotion_not_applicable: [422, "The promotion does not apply to this cart"],
  minimum_not_met: [422, "The cart does not reach the promotion's minimum spend"],
  usage_limit_reached: [422, "The promotion has been used as often as it may be"],
  promotion_not_stackable: [422, "The promotion cannot be combined with the codes already applied"],
  too_many_codes: [422, "The cart holds as many promotion codes as it may"],
  reply_too_deep: [422, "Replies nest at most three levels deep"],
  seller_order_required: [422, "An order issue names the seller order it is about"],
  unknown_attachment: [422, "An attachment is not one of your unsent uploads to this ticket"],
  return_window_closed: [422, "The return window of this seller order has closed"],
  return_quantity_exceeded: [422, "More copies than are left to return"],
  return_spans_sellers: [422, "A return covers the lines of one seller order"],
  unknown_location: [422, "No such location of yours"],
  upgrade_required: [426, "This endpoint speaks WebSocket only"],
  invalid_phone_code: [422, "The code is not the one sent to the phone"],
  phone_code_expired: [422, "The code has expired"],
  too_many_code_attempts: [422, "Too many wrong codes were tried"],
  invalid_push_subscription: [422, "The push subscription is not valid"],
  rate_limited: [429, "Too many requests"],
  internal: [500, "Internal error"],
  misconfigured: [500, "The service is misconfigured"],
  provider_unavailable: [502, "The sign-in provider cannot be reached"],
  unavailable: [503, "Service unavailable"],
} as const satisfies Record<string, readonly [ContentfulStatusCode, string]>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  path: string;
  message: string;
}

/** The one error type of the API: a stable code, a human detail, optional extra members for the problem body. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? ERROR_CODES[code][1]);
    this.name = "AppError";
  }

  get status(): ContentfulStatusCode {
    return ERROR_CODES[this.code][0];
  }
}

export function fieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join(".") : "(root)",
    message: issue.message,
  }));
}

/** The issue parameter (set by `humanText`) that makes a validation failure 422 `invalid_characters`, not 400. */
export const INVALID_CHARACTERS = "invalid_characters";

/** A zod failure as a problem: 400 for its shape, 422 when the only fault is forbidden characters in text. */
export function validationError(error: ZodError, where = "body"): AppError {
  const errors = fieldErrors(error);
  const names = errors.map((e) => e.path).join(", ");
  const onlyCharacters = error.issues.every(
    (issue) => issue.code === "custom" && issue.params?.code === INVALID_CHARACTERS,
  );
  if (onlyCharacters) {
    return new AppError(INVALID_CHARACTERS, `Control or bidirectional characters in ${where}: ${names}`, { errors });
  }
  return new AppError("validation_failed", `Invalid ${where}: ${names}`, { errors });
}

/** RFC 9457 problem+json for an AppError. */
export function problem(c: Context<AppEnv>, error: AppError): Response {
  const [status, title] = ERROR_CODES[error.code];
  const body = {
    type: `urn:bookbazaar:problem:${error.code}`,
    title,
    status,
    detail: error.detail ?? title,
    code: error.code,
    instance: new URL(c.req.url).pathname,
    requestId: c.get("requestId"),
    ...error.extra,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...Object.fromEntries(c.res.headers), ...error.headers, "content-type": "application/problem+json" },
  });
}

function fromHttpException(error: HTTPException): AppError {
  if (error.status === 400 && /json/i.test(error.message)) return new AppError("malformed_json");
  if (error.status === 413) return new AppError("payload_too_large");
  if (error.status === 415) return new AppError("unsupported_media_type");
  if (error.status === 401) return new AppError("unauthorized");
  const match = Object.entries(ERROR_CODES).find(([, [status]]) => status === error.status);
  return new AppError((match?.[0] as ErrorCode | undefined) ?? "bad_request", error.message || undefined);
}

/** The single `onError`: known errors become their problem; anything else is logged and answered as a bare 500. */
function causeOf(error: Error): string | undefined {
  return error.cause === undefined ? undefined : String(error.cause);
}

export function onError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) return problem(c, error);
  if (error instanceof HTTPException) return problem(c, fromHttpException(error));
  // A failed query's own message (the database's refusal) is its cause; drizzle's names only the statement.
  c.get("log")?.error("unhandled error", { error: error.stack ?? String(error), cause: causeOf(error) });
  return problem(
    c,
    new AppError("internal", "Something went wrong on our side. Quote the request id when reporting it."),
  );
}

export function notFound(c: Context<AppEnv>): Response {
  return problem(c, new AppError("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}`));
}
