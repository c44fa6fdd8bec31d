import type { FC } from "hono/jsx";
import type { EditionForListing, ListingView, PricePoint } from "../../catalog";
import { CoverOptionFields, EditionCard, OfferFields, TextArea } from "./listing-fields";
import { ListingPhotos, PhotoInput } from "./listing-photos";
import { CsrfField, Field, FormMessage, type FormState, Notice, SalePrice, Status } from "./parts";
import { PriceHistory } from "./price-history";

/** The listing editor: a new listing (find the edition, then describe the copy) and an existing one. */

interface NewListingProps {
  form: FormState;
  token: string;
  /** The ISBN looked up, once it is a valid one; `edition` is then what the catalogue knows of it (or null). */
  isbn?: string;
  edition: EditionForListing | null;
}

/** Both steps, swapped as one by htmx when the ISBN is looked up. */
export const NewListing: FC<NewListingProps> = ({ form, token, isbn, edition }) => (
  <div id="new-listing">
    <section class="panel" aria-labelledby="find-title">
      <h2 id="find-title">1. Find the edition</h2>
      <form
        method="get"
        action="/console/listings/new"
        aria-label="Find the edition by ISBN"
        hx-get="/console/listings/new"
        hx-target="#new-listing"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <Field form={form} name="isbn" label="ISBN" hint="10 or 13 digits; hyphens are fine." required />
        <div class="actions">
          <button type="submit" id="find-edition">
            Find the edition
          </button>
        </div>
      </form>
    </section>
    {isbn && (
      <form method="post" action="/console/listings/new" enctype="multipart/form-data" class="panel">
        <h2>2. Your copy</h2>
        <FormMessage form={form} />
        <CsrfField token={token} />
        <input type="hidden" name="isbn" value={isbn} />
        {edition ? (
          <EditionCard edition={edition} />
        ) : (
          <>
            <Notice>
              {`ISBN ${isbn} is not in the catalogue yet. Give its title and authors and your listing adds it.`}
            </Notice>
            <Field form={form} name="title" label="Title" required />
            <TextArea form={form} name="authors" label="Authors" hint="One per line." required />
          </>
        )}
        <Field form={form} name="sku" label="SKU" hint="Your own code for this copy, unique in your shop." required />
        <OfferFields form={form} />
        <CoverOptionFields form={form} />
        <PhotoInput error={form.errors.photo} optional />
        <div class="actions">
          <button type="submit">List this book</button>
          <a href="/console/listings">Cancel</a>
        </div>
      </form>
    )}
  </div>
);

export const NewListingPage: FC<NewListingProps> = (props) => (
  <section aria-labelledby="new-listing-title">
    <p>
      <a href="/console/listings">Back to your listings</a>
    </p>
    <h1 id="new-listing-title">List a book</h1>
    <NewListing {...props} />
  </section>
);

interface EditListingProps {
  listing: ListingView;
  edition: EditionForListing | null;
  form: FormState;
  token: string;
  history: { items: PricePoint[]; nextCursor: string | null };
  notice?: string;
  photoError?: string;
}

const StatusForm: FC<{ listing: ListingView; token: string }> = ({ listing, token }) => (
  <form method="post" action={`/console/listings/${listing.id}/status`} class="actions">
    <CsrfField token={token} />
    <span>
      Status: <Status status={listing.status} />
    </span>
    {listing.status === "paused" ? (
      <button type="submit" name="status" value="active">
        Put back on sale
      </button>
    ) : (
      <button type="submit" name="status" value="paused" class="secondary">
        Pause this listing
      </button>
    )}
  </form>
);

export const EditListingPage: FC<EditListingProps> = ({
  listing,
  edition,
  form,
  token,
  history,
  notice,
  photoError,
}) => (
  <section aria-labelledby="listing-title">
    <p>
      <a href="/console/listings">Back to your listings</a>
    </p>
    <h1 id="listing-title">{listing.title}</h1>
    <p class="muted">{`ISBN ${listing.isbn13} · SKU ${listing.sku} · ${listing.available} of ${listing.quantity} available`}</p>
    {notice && <Notice kind="ok">{notice}</Notice>}
    <StatusForm listing={listing} token={token} />
    <section class="panel" aria-labelledby="edition-title">
      <h2 id="edition-title">The edition</h2>
      {edition ? <EditionCard edition={edition} /> : <p>{listing.authors.join(", ")}</p>}
    </section>
    <form method="post" action={`/console/listings/${listing.id}`} class="panel" aria-labelledby="copy-title">
      <h2 id="copy-title">Your copy</h2>
      {listing.listPrice && (
        <p>
          <SalePrice listing={listing} />
          {"The price below is the regular price, back when the sale ends."}
        </p>
      )}
      <FormMessage form={form} />
      <CsrfField token={token} />
      <OfferFields form={form} />
      <CoverOptionFields form={form} />
      <div class="actions">
        <button type="submit">Save the changes</button>
      </div>
    </form>
    <ListingPhotos
      listingId={listing.id}
      title={listing.title}
      photos={listing.photos}
      token={token}
      error={photoError}
    />
    <PriceHistory points={history.items} current={listing.price} more={history.nextCursor !== null} />
  </section>
);
