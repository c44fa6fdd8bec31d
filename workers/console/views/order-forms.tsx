import type { FC } from "hono/jsx";
import type { SellerOrderRow } from "./orders";
import { CsrfField, emptyForm, Field, FormMessage, type FormState, price } from "./parts";

/**
 * The order page's forms: ship, mark delivered, refund a line or an amount. Several forms share field names, so
 * every input's id is prefixed with its form's. Each refund form carries its own Idempotency-Key, made when the
 * page is rendered: the same form sent twice (a double click) is the same refund.
 */

/** Which form on the page a submit came from, so a refusal is shown on that form alone. */
export type OrderForms = Record<string, FormState | undefined>;

export const lineFormId = (lineId: string) => `refund-${lineId}`;
export const AMOUNT_FORM = "refund-amount";
export const SHIP_FORM = "ship";

const Restock: FC<{ form: FormState; formId: string }> = ({ form, formId }) => (
  <label class="inline-check" for={`${formId}-restock`}>
    <input id={`${formId}-restock`} type="checkbox" name="restock" value="on" checked={form.values.restock === "on"} />
    Put the copies back on sale
  </label>
);

const RequestKey: FC<{ form: FormState }> = ({ form }) => (
  <input type="hidden" name="idempotencyKey" value={form.values.idempotencyKey ?? `refund-${crypto.randomUUID()}`} />
);

const CARRIERS = ["DHL", "Deutsche Post", "DPD", "GLS", "Hermes", "UPS", "La Poste", "Royal Mail"];

export const ShipForm: FC<{ order: SellerOrderRow; form?: FormState; token: string }> = ({ order, form, token }) => {
  const state = form ?? emptyForm();
  return (
    <form method="post" action={`/console/orders/${order.id}/ship`} class="panel" aria-labelledby="ship-title">
      <h2 id="ship-title">Ship this order</h2>
      <CsrfField token={token} />
      <FormMessage form={state} />
      <Field form={state} formId={SHIP_FORM} name="carrier" label="Carrier" list="carriers" required />
      <datalist id="carriers">
        {CARRIERS.map((carrier) => (
          <option value={carrier} />
        ))}
      </datalist>
      <Field form={state} formId={SHIP_FORM} name="trackingNumber" label="Tracking number" required />
      <Field
        form={state}
        formId={SHIP_FORM}
        name="trackingUrl"
        label="Tracking link"
        type="url"
        hint="Optional: where the buyer can follow the parcel (https://…)."
      />
      <div class="actions">
        <button type="submit">Mark as shipped</button>
      </div>
    </form>
  );
};

export const DeliveredForm: FC<{ order: SellerOrderRow; token: string }> = ({ order, token }) => (
  <form method="post" action={`/console/orders/${order.id}/delivered`} class="actions">
    <CsrfField token={token} />
    <button type="submit">Mark as delivered</button>
  </form>
);

type Line = SellerOrderRow["lines"][number];

export const LineRefundForm: FC<{ order: SellerOrderRow; line: Line; form?: FormState; token: string }> = ({
  order,
  line,
  form,
  token,
}) => {
  const formId = lineFormId(line.id);
  const left = line.quantity - line.refundedQuantity;
  const state = form ?? emptyForm({ quantity: String(left) });
  return (
    <form method="post" action={`/console/orders/${order.id}/refunds`}>
      <fieldset>
        <legend>{`Refund “${line.title}” (${left} of ${line.quantity} left)`}</legend>
        <CsrfField token={token} />
        <RequestKey form={state} />
        <input type="hidden" name="lineId" value={line.id} />
        <FormMessage form={state} />
        <Field
          form={state}
          formId={formId}
          name="quantity"
          label="Copies"
          type="number"
          min="1"
          max={String(left)}
          inputmode="numeric"
          class="compact"
          required
        />
        <Field form={state} formId={formId} name="reason" label="Reason" required />
        <Restock form={state} formId={formId} />
        <div class="actions">
          <button type="submit" class="danger">
            Refund these copies
          </button>
        </div>
      </fieldset>
    </form>
  );
};

export const AmountRefundForm: FC<{ order: SellerOrderRow; form?: FormState; token: string }> = ({
  order,
  form,
  token,
}) => {
  const state = form ?? emptyForm();
  const left = order.totals.total.amount - order.totals.refunded.amount;
  return (
    <form method="post" action={`/console/orders/${order.id}/refunds`}>
      <fieldset>
        <legend>Refund an amount</legend>
        <CsrfField token={token} />
        <RequestKey form={state} />
        <FormMessage form={state} />
        <Field
          form={state}
          formId={AMOUNT_FORM}
          name="amount"
          label={`Amount (${order.totals.total.currency})`}
          hint={`Up to ${price({ amount: left, currency: order.totals.total.currency })}, shipping included; empty refunds all of it.`}
          inputmode="decimal"
          class="compact"
        />
        <Field form={state} formId={AMOUNT_FORM} name="reason" label="Reason" required />
        <Restock form={state} formId={AMOUNT_FORM} />
        <div class="actions">
          <button type="submit" class="danger">
            Refund the amount
          </button>
        </div>
      </fieldset>
    </form>
  );
};
