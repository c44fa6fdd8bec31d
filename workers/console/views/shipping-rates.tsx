import type { FC } from "hono/jsx";
import { CsrfField, Field, FormMessage, type FormState, Notice } from "./parts";

interface EditorProps {
  form: FormState;
  token: string;
  shipsFrom: string;
  usesDefault: boolean;
  saved?: boolean;
}

const AmountField: FC<{ form: FormState; name: string; label: string }> = ({ form, name, label }) => (
  <Field form={form} name={name} label={`${label} (EUR)`} inputmode="decimal" hint="Such as 4.50" />
);

const RatePair: FC<{ form: FormState; zone: string; legend: string; hint: string }> = ({
  form,
  zone,
  legend,
  hint,
}) => (
  <fieldset>
    <legend>{legend}</legend>
    <p class="muted">{hint}</p>
    <div class="grid">
      <AmountField form={form} name={`${zone}First`} label="First copy" />
      <AmountField form={form} name={`${zone}Additional`} label="Each further copy" />
    </div>
  </fieldset>
);

/** The rates form; htmx swaps the whole editor with the answer (saved, or refused with the fields' errors). */
export const ShippingRatesEditor: FC<EditorProps> = ({ form, token, shipsFrom, usesDefault, saved }) => (
  <div id="shipping-rates-editor">
    {saved && <Notice kind="ok">Your shipping rates are saved. New orders are charged with them.</Notice>}
    {usesDefault && !saved && (
      <Notice>
        Your shop charges the marketplace's default rates and ships to every country until you save your own.
      </Notice>
    )}
    <FormMessage form={form} />
    <form
      method="post"
      action="/console/shipping-rates"
      hx-post="/console/shipping-rates"
      hx-target="#shipping-rates-editor"
      hx-swap="outerHTML"
      novalidate
    >
      <CsrfField token={token} />
      <Field
        form={form}
        name="countries"
        label="Countries you ship to"
        hint="Two-letter codes separated by commas or spaces, such as DE, AT, FR."
        required
      />
      <RatePair
        form={form}
        zone="domestic"
        legend={`Domestic (within ${shipsFrom})`}
        hint="To your ships-from country."
      />
      <RatePair form={form} zone="international" legend="International" hint="To every other country in your list." />
      <RatePair
        form={form}
        zone="express"
        legend="Express (optional)"
        hint="Offered everywhere you ship. Leave both amounts empty to offer no express shipping."
      />
      <div class="actions">
        <button type="submit">Save shipping rates</button>
      </div>
    </form>
  </div>
);

export const ShippingRatesPage: FC<EditorProps> = (props) => (
  <section aria-labelledby="shipping-rates-title">
    <h1 id="shipping-rates-title">Shipping rates</h1>
    <p>
      Each of your orders is charged the first-copy rate for one book and the further-copy rate for each other book in
      the same parcel.
    </p>
    <ShippingRatesEditor {...props} />
  </section>
);
