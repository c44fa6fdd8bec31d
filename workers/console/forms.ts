import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import type { FormState } from "./views/parts";

/** The text fields of a submitted form (urlencoded or multipart); files are read where a page expects one. */
export async function formFields(c: Context<AppEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string" && key !== "_csrf") fields[key] = first;
  }
  return fields;
}

/** Every value of a repeated field (checkbox lists). */
export async function formList(c: Context<AppEnv>, name: string): Promise<string[]> {
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const value = body[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
}

/** A decimal the seller types ("12.5", "12,50") in minor units; undefined when it is not a price. */
export function minorUnits(text: string | undefined): number | undefined {
  const match = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text ?? "");
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}

/** Minor units as the seller types them back ("12.50"). */
export const decimal = (minor: number) => (minor / 100).toFixed(2);

/** A whole number typed into a field; undefined when it is not one. */
export function wholeNumber(text: string | undefined): number | undefined {
  return /^\s*\d{1,9}\s*$/.test(text ?? "") ? Number(text) : undefined;
}

/** Which form field an API error code is about, so its message shows beside that field. */
const FIELD_OF_CODE: Record<string, string> = {
  sku_taken: "sku",
  invalid_isbn: "isbn",
  store_name_taken: "storeName",
  weak_password: "password",
  email_taken: "email",
  unsupported_currency: "price",
  too_many_photos: "photo",
  wrong_password: "password",
  invalid_mfa_code: "code",
};

/** A refused submit as the form shows it: zod issues by field, an API error beside its field or above the form. */
export function refusal(values: Record<string, string>, error: unknown, fieldNames: Record<string, string> = {}) {
  const form: FormState = { values, errors: {}, status: 422 };
  if (isZodError(error)) {
    for (const issue of error.issues) {
      const path = issue.path.join(".");
      const field = fieldNames[path] ?? fieldNames[String(issue.path[0])] ?? String(issue.path[0] ?? "");
      form.errors[field] ??= issue.message;
    }
    if (Object.keys(form.errors).length === 0) form.message = "Check the form and try again.";
    return form;
  }
  if (error instanceof AppError && error.status < 500) {
    form.status = error.status;
    const field = FIELD_OF_CODE[error.code];
    if (field) form.errors[fieldNames[field] ?? field] = error.message;
    for (const { path, message } of fieldErrorsOf(error)) {
      const named = fieldNames[path] ?? fieldNames[path.split(".")[0]!] ?? (path in values ? path : undefined);
      if (named) form.errors[named] ??= message;
    }
    if (Object.keys(form.errors).length === 0) form.message = error.message;
    return form;
  }
  throw error;
}

/** The fields an AppError names in its problem body (`errors: [{path, message}]`). */
function fieldErrorsOf(error: AppError): { path: string; message: string }[] {
  const errors = error.extra.errors;
  return Array.isArray(errors)
    ? errors.filter((e) => typeof e?.path === "string" && typeof e?.message === "string")
    : [];
}

function isZodError(error: unknown): error is z.ZodError {
  return typeof error === "object" && error !== null && (error as { name?: string }).name === "ZodError";
}
