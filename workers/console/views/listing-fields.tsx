import type { FC } from "hono/jsx";
import type { EditionForListing } from "../../catalog";
import { CONDITION_LABELS, KIND_LABELS, MAX_OPTION_ROWS, optionField, optionRowCount } from "../listing-form";
import { describedBy, Field, FieldError, type FormState, Labelled, Select } from "./parts";

/** The fields of the listing editor: the edition, the copy's offer and its cover options. */

/** Media the catalog names by absolute URL, shown from this origin (the console's CSP allows only 'self'). */
export const onThisSite = (url: string) => {
  const { pathname, search } = new URL(url, "http://console.invalid");
  return `${pathname}${search}`;
};

export const TextArea: FC<{ form: FormState; name: string; label: string; hint?: string; required?: boolean }> = ({
  form,
  name,
  label,
  hint,
  required,
}) => {
  const id = `field-${name}`;
  const error = form.errors[name];
  return (
    <Labelled id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        required={required}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {form.values[name] ?? ""}
      </textarea>
    </Labelled>
  );
};

/** The edition a listing is a copy of: its cover, title and authors as the catalogue knows them. */
export const EditionCard: FC<{ edition: EditionForListing }> = ({ edition }) => (
  <div class="edition">
    {edition.coverImageUrl && (
      <img class="edition-cover" src={onThisSite(edition.coverImageUrl)} alt={`Cover of ${edition.title}`} />
    )}
    <dl class="facts">
      <dt>Title</dt>
      <dd>{edition.subtitle ? `${edition.title}: ${edition.subtitle}` : edition.title}</dd>
      <dt>Authors</dt>
      <dd>{edition.authors.join(", ")}</dd>
      <dt>ISBN</dt>
      <dd>{edition.isbn13}</dd>
      {edition.publishedYear && (
        <>
          <dt>Published</dt>
          <dd>{String(edition.publishedYear)}</dd>
        </>
      )}
    </dl>
  </div>
);

const CONDITION_OPTIONS = Object.entries(CONDITION_LABELS) as [string, string][];
const KIND_OPTIONS = Object.entries(KIND_LABELS) as [string, string][];

/** Condition, price, copies, low-stock warning and notes: what the seller says about their copy. */
export const OfferFields: FC<{ form: FormState }> = ({ form }) => (
  <>
    <Select form={form} name="condition" label="Condition" options={CONDITION_OPTIONS} />
    <Field form={form} name="price" label="Price" hint="In EUR, for example 12.50." inputmode="decimal" required />
    <Field form={form} name="quantity" label="Copies on hand" inputmode="numeric" required />
    <Field
      form={form}
      name="lowStockThreshold"
      label="Low-stock warning"
      hint="Warn me when this many copies or fewer are left; 0 never warns."
      inputmode="numeric"
    />
    <TextArea
      form={form}
      name="conditionNotes"
      label="Condition notes"
      hint="What a buyer should know about this copy: wear, markings, a dust jacket."
    />
  </>
);

/** One cover option's row; `index` is a number, or the placeholder the add-a-row script replaces. */
const CoverOptionRow: FC<{ form: FormState; index: number | "__index__" }> = ({ form, index }) => {
  const at = index as number;
  const existing = Boolean(form.values[optionField(at, "id")]);
  const number = typeof index === "number" ? String(index + 1) : "__number__";
  return (
    <fieldset class="option-row">
      <legend>{`Cover option ${number}`}</legend>
      {existing && <input type="hidden" name={optionField(at, "id")} value={form.values[optionField(at, "id")]} />}
      <Field form={form} name={optionField(at, "name")} label="Name" />
      <Select form={form} name={optionField(at, "kind")} label="Kind" options={KIND_OPTIONS} />
      <Field form={form} name={optionField(at, "price")} label="Price" hint="In EUR." inputmode="decimal" />
      <Field
        form={form}
        name={optionField(at, "maxLength")}
        label="Longest inscription"
        hint="Characters, for inscriptions."
        inputmode="numeric"
      />
      {existing && (
        <label class="inline-check">
          <input type="checkbox" name={optionField(at, "remove")} value="1" />
          Remove this option
        </label>
      )}
    </fieldset>
  );
};

/**
 * The listing's cover options: its own rows and blank ones to fill. With JavaScript, a button adds more rows
 * from the template (without it, the blank rows are what a submit can add).
 */
export const CoverOptionFields: FC<{ form: FormState }> = ({ form }) => {
  const rows = optionRowCount(form.values);
  return (
    <fieldset id="cover-options" aria-describedby="cover-options-hint">
      <legend>Cover options</legend>
      <p class="field-hint" id="cover-options-hint">
        Custom covers a buyer can choose with this copy: a material, an inscription (with its longest length) or
        artwork. Leave a row blank to skip it.
      </p>
      <FieldError id="cover-options-error" error={form.errors.coverOptions} />
      <div id="cover-option-rows">
        {Array.from({ length: rows }, (_, index) => (
          <CoverOptionRow form={form} index={index} />
        ))}
      </div>
      <template id="cover-option-template">
        <CoverOptionRow form={{ values: {}, errors: {} }} index="__index__" />
      </template>
      <button
        type="button"
        class="secondary"
        data-add-option="cover-option-template"
        data-rows="cover-option-rows"
        data-max={String(MAX_OPTION_ROWS)}
        hidden
      >
        Add another option
      </button>
    </fieldset>
  );
};
