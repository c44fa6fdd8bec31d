import type { Child, FC } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { formatMoney, type Money } from "../../lib/money";

/** What a form shows again after a refused submit: the values sent and a message per field. */
export interface FormState {
  values: Record<string, string>;
  errors: Record<string, string>;
  /** A message about the whole form (not one field). */
  message?: string;
  /** The status the refused form is answered with: 422 for what the form holds, else the API error's. */
  status?: ContentfulStatusCode;
}

export const emptyForm = (values: Record<string, string> = {}): FormState => ({ values, errors: {} });

export const CsrfField: FC<{ token: string }> = ({ token }) => <input type="hidden" name="_csrf" value={token} />;

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  /** Prefixes the input's id where several forms on one page share field names; "field" otherwise. */
  formId?: string;
  type?: string;
  hint?: string;
  required?: boolean;
  autocomplete?: string;
  inputmode?: "decimal" | "numeric";
  min?: string;
  max?: string;
  step?: string;
  list?: string;
  class?: string;
}

/** What a control's aria-describedby names: its hint and its error, when it has them. */
export const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

/** A form control with its label above, its hint below the label and its error after it. */
export const Labelled: FC<{ id: string; label: string; hint?: string; error?: string; children: Child }> = ({
  id,
  label,
  hint,
  error,
  children,
}) => (
  <div>
    <label for={id}>{label}</label>
    {hint && (
      <span class="field-hint" id={`${id}-hint`}>
        {hint}
      </span>
    )}
    {children}
    <FieldError id={`${id}-error`} error={error} />
  </div>
);

/** A labelled input whose error is announced with it (aria-describedby, aria-invalid). */
export const Field: FC<FieldProps> = ({ form, formId = "field", name, label, type = "text", hint, ...rest }) => {
  const id = `${formId}-${name}`;
  const error = form.errors[name];
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        type={type}
        value={form.values[name] ?? ""}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </Labelled>
  );
};

export const FieldError: FC<{ id: string; error?: string }> = ({ id, error }) =>
  error ? (
    <span class="field-error" id={id}>
      {error}
    </span>
  ) : null;

interface SelectProps {
  form: FormState;
  name: string;
  label: string;
  options: readonly (readonly [value: string, label: string])[];
}

export const Select: FC<SelectProps> = ({ form, name, label, options }) => {
  const id = `field-${name}`;
  const error = form.errors[name];
  return (
    <div>
      <label for={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? "true" : undefined}>
        {options.map(([value, text]) => (
          <option value={value} selected={form.values[name] === value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
};

export const Notice: FC<{ kind?: "error" | "ok"; children: Child }> = ({ kind, children }) => (
  <div class={kind ? `notice ${kind}` : "notice"} role={kind === "error" ? "alert" : "status"}>
    {children}
  </div>
);

export const FormMessage: FC<{ form: FormState }> = ({ form }) =>
  form.message ? <Notice kind="error">{form.message}</Notice> : null;

export const Status: FC<{ status: string }> = ({ status }) => (
  <span class={`status status-${status}`}>{status.replaceAll("_", " ")}</span>
);

export const price = (money: Money) => formatMoney(money);

/** A sale price in force: the price buyers pay, the regular price struck through, and when the sale ends. */
export const SalePrice: FC<{ listing: { price: Money; listPrice: Money | null; saleEndsAt: string | null } }> = ({
  listing,
}) =>
  listing.listPrice ? (
    <span class="muted block">
      {"On sale at "}
      <strong>{price(listing.price)}</strong> <del>{price(listing.listPrice)}</del>
      {listing.saleEndsAt ? (
        <>
          {" until "}
          <When at={listing.saleEndsAt} />
        </>
      ) : null}
    </span>
  ) : null;

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** Times are shown in UTC, said so, and kept machine-readable in <time>. */
export const When: FC<{ at: string | null | undefined; date?: boolean }> = ({ at, date }) =>
  at ? <time datetime={at}>{`${(date ? DATE : DATE_TIME).format(new Date(at))}${date ? "" : " UTC"}`}</time> : <>–</>;

/** Links to the previous and next page of a cursor-paged table, keeping the other query parameters. */
export const Pager: FC<{ base: string; query: Record<string, string | undefined>; next: string | null }> = ({
  base,
  query,
  next,
}) => {
  // The last page of several still links back to the first.
  if (!next && !query.cursor) return null;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value && key !== "cursor") params.set(key, value);
  const first = params.toString();
  if (next) params.set("cursor", next);
  return (
    <nav class="pager" aria-label="Pages">
      {query.cursor && <a href={first ? `${base}?${first}` : base}>First page</a>}
      {next && <a href={`${base}?${params}`}>Next page</a>}
    </nav>
  );
};
