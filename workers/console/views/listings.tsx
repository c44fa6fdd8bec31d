import type { FC } from "hono/jsx";
import type { ListingView } from "../../catalog";
import { decimal } from "../forms";
import { CONDITION_LABELS } from "../listing-form";
import { CsrfField, type FormState, Notice, Pager, SalePrice, Status } from "./parts";

/** The listings table: filters, the bulk pause/resume form, rows whose price and quantity are edited in place. */

export interface ListingsFilter {
  q?: string;
  status?: string;
  condition?: string;
  sort?: string;
  cursor?: string;
}

export const STATUS_CHOICES = [
  ["", "Any status"],
  ["active", "On sale"],
  ["paused", "Paused"],
  ["sold_out", "Sold out"],
] as const;

export const SORT_CHOICES = [
  ["newest", "Newest first"],
  ["oldest", "Oldest first"],
  ["title", "Title, A to Z"],
  ["price", "Price, lowest first"],
  ["-price", "Price, highest first"],
  ["quantity", "Fewest copies first"],
] as const;

const CONDITION_CHOICES = [["", "Any condition"], ...Object.entries(CONDITION_LABELS)] as const;

/** The table's address with its filters (not its page), for links and redirects back to it. */
export function listingsHref(filter: ListingsFilter, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const key of ["q", "status", "condition", "sort"] as const) if (filter[key]) params.set(key, filter[key]);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const query = params.toString();
  return query ? `/console/listings?${query}` : "/console/listings";
}

const Choice: FC<{ name: string; label: string; value?: string; choices: readonly (readonly [string, string])[] }> = ({
  name,
  label,
  value,
  choices,
}) => (
  <div>
    <label for={`filter-${name}`}>{label}</label>
    <select id={`filter-${name}`} name={name}>
      {choices.map(([choice, text]) => (
        <option value={choice} selected={(value ?? "") === choice}>
          {text}
        </option>
      ))}
    </select>
  </div>
);

const Filters: FC<{ filter: ListingsFilter }> = ({ filter }) => (
  <form class="filters" method="get" action="/console/listings" aria-label="Find listings">
    <div>
      <label for="filter-q">Search</label>
      <input id="filter-q" name="q" type="search" value={filter.q ?? ""} aria-describedby="filter-q-hint" />
      <span class="field-hint" id="filter-q-hint">
        Title, ISBN or SKU
      </span>
    </div>
    <Choice name="status" label="Status" value={filter.status} choices={STATUS_CHOICES} />
    <Choice name="condition" label="Condition" value={filter.condition} choices={CONDITION_CHOICES} />
    <Choice name="sort" label="Order" value={filter.sort ?? "newest"} choices={SORT_CHOICES} />
    <button type="submit">Show listings</button>
    {(filter.q || filter.status || filter.condition) && <a href="/console/listings">Clear the filters</a>}
  </form>
);

/** A row's inline edit as it was refused: the values sent and a message per field (price, quantity, or the row). */
export interface RowRefusal {
  id: string;
  form: FormState;
}

interface RowProps {
  listing: ListingView;
  token: string;
  back: string;
  refused?: FormState;
  saved?: boolean;
}

/** One listing: select box, book, SKU, condition, status, and the inline price and quantity form. */
export const ListingRow: FC<RowProps> = ({ listing, token, back, refused, saved }) => {
  const id = listing.id;
  const form = `quick-${id}`;
  const errors = refused?.errors ?? {};
  const value = (name: "price" | "quantity", stored: string) => refused?.values[name] ?? stored;
  const rowMessage = refused && (refused.message ?? Object.values(errors).join(" "));
  const describedBy = (name: string) => (errors[name] ? `error-${id}` : undefined);
  return (
    <tr id={`listing-${id}`} class={refused ? "row-error" : undefined}>
      <td>
        <input
          type="checkbox"
          name="ids"
          value={id}
          form="bulk-status"
          id={`select-${id}`}
          aria-label={`Select ${listing.title}`}
        />
      </td>
      <th scope="row">
        <a href={`/console/listings/${id}`}>{listing.title}</a>
        <span class="muted block">ISBN {listing.isbn13}</span>
      </th>
      <td>{listing.sku}</td>
      <td>{CONDITION_LABELS[listing.condition]}</td>
      <td>
        <Status status={listing.status} />
      </td>
      <td class="number">
        <label class="visually-hidden" for={`price-${id}`}>
          {`Price of ${listing.title}, in ${listing.price.currency}`}
        </label>
        <input
          id={`price-${id}`}
          name="price"
          class="compact number"
          inputmode="decimal"
          form={form}
          value={value("price", decimal((listing.listPrice ?? listing.price).amount))}
          aria-invalid={errors.price ? "true" : undefined}
          aria-describedby={describedBy("price")}
        />
        <SalePrice listing={listing} />
      </td>
      <td class="number">
        <label class="visually-hidden" for={`quantity-${id}`}>
          {`Copies of ${listing.title} on hand`}
        </label>
        <input
          id={`quantity-${id}`}
          name="quantity"
          class="compact number"
          inputmode="numeric"
          form={form}
          value={value("quantity", String(listing.quantity))}
          aria-invalid={errors.quantity ? "true" : undefined}
          aria-describedby={describedBy("quantity")}
        />
        <span class="muted block">{`${listing.available} available`}</span>
      </td>
      <td>
        <form
          id={form}
          method="post"
          action={`/console/listings/${id}/quick-edit`}
          hx-post={`/console/listings/${id}/quick-edit`}
          hx-target={`#listing-${id}`}
          hx-swap="outerHTML"
        >
          <CsrfField token={token} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" id={`save-${id}`} class="secondary">
            Save<span class="visually-hidden">{` ${listing.title}`}</span>
          </button>
        </form>
        {rowMessage && (
          <span class="field-error" id={`error-${id}`} role="alert">
            {rowMessage}
          </span>
        )}
        {saved && (
          <span class="saved" role="status">
            Saved
          </span>
        )}
      </td>
    </tr>
  );
};

interface ListingsProps {
  filter: ListingsFilter;
  page: { items: ListingView[]; nextCursor: string | null };
  token: string;
  notice?: { kind?: "error" | "ok"; text: string };
  refusedRow?: RowRefusal;
}

export const ListingsPage: FC<ListingsProps> = ({ filter, page, token, notice, refusedRow }) => {
  const back = listingsHref(filter, filter.cursor ? { cursor: filter.cursor } : {});
  const filtered = Boolean(filter.q || filter.status || filter.condition);
  return (
    <section aria-labelledby="listings-title">
      <div class="heading-row">
        <h1 id="listings-title">Listings</h1>
        <a class="button" href="/console/listings/new">
          List a book
        </a>
      </div>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      <Filters filter={filter} />
      <form id="bulk-status" method="post" action="/console/listings/status" class="actions bulk">
        <CsrfField token={token} />
        <input type="hidden" name="back" value={back} />
        <span id="bulk-label">With the selected listings:</span>
        <button type="submit" name="status" value="paused" aria-describedby="bulk-label">
          Pause
        </button>
        <button type="submit" name="status" value="active" class="secondary" aria-describedby="bulk-label">
          Put on sale
        </button>
      </form>
      {page.items.length === 0 ? (
        <p>{filtered ? "No listing matches these filters." : "You have no listings yet."}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Your listings; edit a price or quantity and save its row.</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" data-select-all="ids" aria-label="Select every listing on this page" hidden />
                </th>
                <th scope="col">Book</th>
                <th scope="col">SKU</th>
                <th scope="col">Condition</th>
                <th scope="col">Status</th>
                <th scope="col" class="number">
                  Price
                </th>
                <th scope="col" class="number">
                  Quantity
                </th>
                <th scope="col">
                  <span class="visually-hidden">Save</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((listing) => (
                <ListingRow
                  listing={listing}
                  token={token}
                  back={back}
                  refused={refusedRow?.id === listing.id ? refusedRow.form : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager base="/console/listings" query={{ ...filter }} next={page.nextCursor} />
    </section>
  );
};
