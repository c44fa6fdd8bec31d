import { type Context, Hono } from "hono";
import {
  addPhoto,
  CreateListingBody,
  catalogContext,
  createListing,
  type EditionForListing,
  editionForListing,
  removePhoto,
  reorderPhotos,
  sellerListing,
  sellerListingPriceHistory,
  UpdateListingBody,
  updateListing,
} from "../../catalog";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { formFields, refusal } from "../forms";
import { listingChangesDraft, listingRefusal, listingValues, newListingDraft, textRefusal } from "../listing-form";
import { csrfOf, isFragmentRequest, shopOf, shopPage } from "../render";
import { EditListingPage, NewListing, NewListingPage } from "../views/listing-editor";
import { ListingPhotos } from "../views/listing-photos";
import { emptyForm, type FormState } from "../views/parts";

const LISTING = "/listings/:id{lst_[0-9a-f]+}";
const PHOTO = `${LISTING}/photos/:photoId{pho_[0-9a-f]+}`;
/** Prices a chart shows; a listing repriced more often than this shows its first 100 (and says so). */
const HISTORY_POINTS = 100;

const NEW_LISTING_DEFAULTS = { condition: "very_good", quantity: "1", lowStockThreshold: "0" };

const NOTICES: Record<string, string> = {
  created: "Your listing is saved. Buyers see it while it is on sale with copies left.",
  saved: "Your changes are saved.",
  paused: "The listing is paused: buyers no longer see it.",
  active: "The listing is back on sale.",
  photo: "The photo is added.",
};

/** A refusal of the service that the page shows (404 stays the 404 page; a 5xx stays an error). */
const shownRefusal = (error: unknown): error is AppError =>
  error instanceof AppError && error.status !== 404 && error.status < 500;

/** The edition of an ISBN, or null when the catalogue does not know it (the listing then creates it). */
const editionOf = (c: Context<AppEnv>, isbn: string): Promise<EditionForListing | null> =>
  editionForListing(catalogContext(c), isbn).catch(() => null);

function newListingPage(
  c: Context<AppEnv>,
  form: FormState,
  isbn: string | undefined,
  edition: EditionForListing | null,
) {
  const props = { form, token: csrfOf(c), isbn, edition };
  if (isFragmentRequest(c)) return c.html(<NewListing {...props} />, form.status ?? 200);
  return shopPage(c, { title: "List a book", status: form.status }, <NewListingPage {...props} />);
}

interface EditorState {
  form?: FormState;
  notice?: string;
  photoError?: string;
  status?: FormState["status"];
}

/** The editor of one of the shop's listings; another shop's listing is the 404 page (the service's own). */
async function editorPage(c: Context<AppEnv>, id: string, state: EditorState = {}) {
  const ctx = catalogContext(c);
  const seller = shopOf(c).id;
  const [listing, history] = await Promise.all([
    sellerListing(ctx, seller, id),
    sellerListingPriceHistory(ctx, seller, id, { limit: HISTORY_POINTS }),
  ]);
  const edition = await editionOf(c, listing.isbn13);
  const form = state.form ?? emptyForm(listingValues(listing));
  return shopPage(
    c,
    { title: listing.title, charts: true, status: state.status ?? form.status },
    <EditListingPage
      listing={listing}
      edition={edition}
      form={form}
      token={csrfOf(c)}
      history={history}
      notice={state.notice}
      photoError={state.photoError}
    />,
  );
}

/** The file of a form's `photo` field, unless none was chosen (browsers send an empty part then). */
async function chosenPhoto(c: Context<AppEnv>): Promise<File | undefined> {
  const file = (await c.req.parseBody()).photo;
  return typeof file === "object" && file.size > 0 ? file : undefined;
}

/** The photos section alone for htmx, else back to the editor's photos. */
async function photosAnswer(c: Context<AppEnv>, id: string, notice: string) {
  if (!isFragmentRequest(c)) return c.redirect(`/console/listings/${id}#photos`, 303);
  const listing = await sellerListing(catalogContext(c), shopOf(c).id, id);
  return c.html(
    <ListingPhotos listingId={id} title={listing.title} photos={listing.photos} token={csrfOf(c)} notice={notice} />,
  );
}

/** `/console/listings/new` and `/console/listings/{id}`: a listing's edition, copy, options, photos and prices. */
export const listingEditorRoutes = new Hono<AppEnv>()
  .get("/listings/new", async (c) => {
    const isbn = c.req.query("isbn")?.trim() ?? "";
    const values = { ...NEW_LISTING_DEFAULTS, isbn };
    if (!isbn) return newListingPage(c, emptyForm(values), undefined, null);
    try {
      const edition = await editionForListing(catalogContext(c), isbn);
      return newListingPage(c, emptyForm(values), isbn, edition);
    } catch (error) {
      return newListingPage(c, refusal(values, error), undefined, null);
    }
  })
  .post("/listings/new", async (c) => {
    const ctx = catalogContext(c);
    const seller = shopOf(c).id;
    const values = await formFields(c);
    const photo = await chosenPhoto(c);
    const draft = newListingDraft(values);
    let refused = textRefusal(values, draft);
    let listing: { id: string } | undefined;
    if (!refused) {
      try {
        listing = await createListing(ctx, seller, CreateListingBody.parse(draft.body));
      } catch (error) {
        refused = listingRefusal(values, error, draft);
      }
    }
    if (refused || !listing) {
      const isbn = values.isbn ?? "";
      return newListingPage(c, refused ?? emptyForm(values), isbn, await editionOf(c, isbn));
    }
    if (photo) {
      try {
        await addPhoto(ctx, seller, listing.id, await photo.arrayBuffer());
      } catch (error) {
        if (!shownRefusal(error)) throw error;
        const notice = "Your listing is saved, but not its photo: choose another one below.";
        return editorPage(c, listing.id, { notice, photoError: error.message, status: error.status });
      }
    }
    return c.redirect(`/console/listings/${listing.id}?done=created`, 303);
  })
  .get(LISTING, (c) => editorPage(c, c.req.param("id"), { notice: NOTICES[c.req.query("done") ?? ""] }))
  .post(LISTING, async (c) => {
    const id = c.req.param("id");
    const values = await formFields(c);
    const draft = listingChangesDraft(values);
    let refused = textRefusal(values, draft);
    if (!refused) {
      try {
        await updateListing(catalogContext(c), shopOf(c).id, id, UpdateListingBody.parse(draft.body));
        return c.redirect(`/console/listings/${id}?done=saved`, 303);
      } catch (error) {
        refused = listingRefusal(values, error, draft);
      }
    }
    return editorPage(c, id, { form: refused });
  })
  .post(`${LISTING}/status`, async (c) => {
    const id = c.req.param("id");
    const status = (await formFields(c)).status === "active" ? "active" : "paused";
    await updateListing(catalogContext(c), shopOf(c).id, id, { status });
    return c.redirect(`/console/listings/${id}?done=${status}`, 303);
  })
  .post(`${LISTING}/photos`, async (c) => {
    const id = c.req.param("id");
    const photo = await chosenPhoto(c);
    if (!photo) return editorPage(c, id, { photoError: "Choose a photo to upload.", status: 422 });
    try {
      await addPhoto(catalogContext(c), shopOf(c).id, id, await photo.arrayBuffer());
    } catch (error) {
      if (!shownRefusal(error)) throw error;
      return editorPage(c, id, { photoError: error.message, status: error.status });
    }
    return c.redirect(`/console/listings/${id}?done=photo#photos`, 303);
  })
  .post(`${PHOTO}/:move{up|down}`, async (c) => {
    const { id, photoId, move } = c.req.param();
    const ctx = catalogContext(c);
    const seller = shopOf(c).id;
    const order = (await sellerListing(ctx, seller, id)).photos.map((photo) => photo.id);
    const from = order.indexOf(photoId);
    if (from < 0) throw new AppError("not_found", `No photo ${photoId} on this listing.`);
    const to = move === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < order.length) [order[from], order[to]] = [order[to]!, order[from]!];
    await reorderPhotos(ctx, seller, id, order);
    return photosAnswer(c, id, `Photo moved ${move}.`);
  })
  .post(`${PHOTO}/delete`, async (c) => {
    const { id, photoId } = c.req.param();
    await removePhoto(catalogContext(c), shopOf(c).id, id, photoId);
    return photosAnswer(c, id, "Photo deleted.");
  });
