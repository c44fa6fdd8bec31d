import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { MARKETPLACE_CURRENCY, type Money } from "../../lib/money";
import {
  replaceShippingRates,
  ShippingRatesBody,
  type ShippingRatesView,
  sellerShippingRates,
  sellersContext,
} from "../../sellers";
import { decimal, formFields, minorUnits, refusal } from "../forms";
import { csrfOf, isFragmentRequest, shopOf, shopPage } from "../render";
import { emptyForm, type FormState } from "../views/parts";
import { ShippingRatesEditor, ShippingRatesPage } from "../views/shipping-rates";

const ZONES = ["domestic", "international", "express"] as const;
const PARTS = [
  ["first", "First"],
  ["additional", "Additional"],
] as const;

/** The API's error paths (`domestic.first.amount`) named as the form's fields (`domesticFirst`). */
const FIELD_NAMES = Object.fromEntries(
  ZONES.flatMap((zone) =>
    PARTS.flatMap(([part, suffix]) => [
      [`${zone}.${part}.amount`, `${zone}${suffix}`],
      [`${zone}.${part}`, `${zone}${suffix}`],
    ]),
  ),
);

function formOf(rates: ShippingRatesView): FormState {
  const values: Record<string, string> = {
    countries: rates.source === "seller" ? (rates.countries ?? []).join(", ") : "",
  };
  for (const zone of ZONES) {
    for (const [part, suffix] of PARTS) {
      const money = rates[zone]?.[part];
      values[`${zone}${suffix}`] = money ? decimal(money.amount) : "";
    }
  }
  return emptyForm(values);
}

/**
 * The typed form in the API's body shape (PUT /v1/seller/shipping-rates), with the errors only the form can
 * make: an amount that is not a price, half an express rate, no country.
 */
function ratesInput(values: Record<string, string>) {
  const errors: Record<string, string> = {};
  const money = (field: string): Money => {
    const amount = minorUnits(values[field]);
    if (amount === undefined) errors[field] = "Enter an amount in euros, such as 4.50.";
    return { amount: amount ?? 0, currency: MARKETPLACE_CURRENCY };
  };
  const pair = (zone: string) => ({ first: money(`${zone}First`), additional: money(`${zone}Additional`) });
  const countries = (values.countries ?? "").split(/[\s,;]+/).filter(Boolean);
  if (countries.length === 0) errors.countries = "List at least one country you ship to.";
  const offersExpress = Boolean(values.expressFirst?.trim() || values.expressAdditional?.trim());
  const body = {
    countries,
    domestic: pair("domestic"),
    international: pair("international"),
    ...(offersExpress ? { express: pair("express") } : {}),
  };
  return { body, errors };
}

interface EditorState {
  /** The rates as just stored; read when not given. */
  rates?: ShippingRatesView;
  /** A refused submit, shown as it was sent. */
  refused?: FormState;
  saved?: boolean;
}

async function editor(c: Context<AppEnv>, { rates, refused, saved = false }: EditorState = {}) {
  const shown = rates ?? (await sellerShippingRates(sellersContext(c), shopOf(c)));
  const props = {
    form: refused ?? formOf(shown),
    token: csrfOf(c),
    shipsFrom: shown.domesticCountry,
    usesDefault: shown.source === "default",
    saved,
  };
  const status = refused?.status ?? 200;
  if (isFragmentRequest(c)) return c.html(<ShippingRatesEditor {...props} />, status);
  return shopPage(c, { title: "Shipping rates", status }, <ShippingRatesPage {...props} />);
}

/** The seller's shipping rates, edited with the API's own rules (PUT /v1/seller/shipping-rates). */
export const shippingRatesRoutes = new Hono<AppEnv>()
  .get("/shipping-rates", (c) => editor(c, { saved: c.req.query("saved") !== undefined }))
  .post("/shipping-rates", async (c) => {
    const values = await formFields(c);
    const { body, errors } = ratesInput(values);
    const parsed = ShippingRatesBody.safeParse(body);
    if (!parsed.success || Object.keys(errors).length > 0) {
      const form = parsed.success
        ? { values, errors: {}, status: 422 as const }
        : refusal(values, parsed.error, FIELD_NAMES);
      return editor(c, { refused: { ...form, errors: { ...form.errors, ...errors } } });
    }
    const rates = await replaceShippingRates(sellersContext(c), shopOf(c), parsed.data);
    if (isFragmentRequest(c)) return editor(c, { rates, saved: true });
    return c.redirect("/console/shipping-rates?saved", 303);
  });
