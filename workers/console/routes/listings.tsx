import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import {
  catalogContext,
  ListingsStatusBody,
  type ListingView,
  listSellerListings,
  SellerListingsQuery,
  sellerListing,
  setListingsStatus,
  UpdateListingBody,
  updateListing,
} from "../../catalog";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { formFields, formList } from "../forms";
import { listingRefusal, stockDraft, textRefusal } from "../listing-form";
import { csrfOf, isFragmentRequest, shopOf, shopPage } from "../render";
import { ListingRow, type ListingsFilter, ListingsPage, listingsHref, type RowRefusal } from "../views/listings";
import type { FormState } from "../views/parts";

const PAGE_SIZE = 25;
const LISTING_ID = "{lst_[0-9a-f]+}";
const FILTER_KEYS = ["q", "status", "condition", "sort", "cursor"] as const;

/** The table's filters from a query string; empty fields are no filter. */
function filterOf(params: URLSearchParams): ListingsFilter {
  const filter: ListingsFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter;
}

/** The filters a form's `back` field carries (only those: it never names another page or site). */
const filterOfBack = (back: string | undefined) => filterOf(new URL(back ?? "", "http://console.invalid").searchParams);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the last bulk change did, from the redirect's query (numbers only: nothing typed is echoed). */
function noticeOf(params: URLSearchParams): { kind?: "error" | "ok"; text: string } | undefined {
  const done = params.get("done");
  const count = Number(params.get("count") ?? 0);
  const missing = Number(params.get("missing") ?? 0);
  const notFound =
    missing > 0 ? ` ${plural(missing, "selected listing was", "selected listings were")} not found.` : "";
  if (done === "none") return { kind: "error", text: "Select at least one listing first." };
  if (done === "paused") return { kind: "ok", text: `${plural(count, "listing", "listings")} paused.${notFound}` };
  if (done === "resumed") {
    const text = `${plural(count, "listing", "listings")} back on sale (sold out where no copies are left).`;
    return { kind: "ok", text: `${text}${notFound}` };
  }
  return undefined;
}

/** The listings page for a filter; a filter or cursor the API refuses shows the unfiltered table with a message. */
async function listingsPage(
  c: Context<AppEnv>,
  filter: ListingsFilter,
  refusedRow?: RowRefusal,
  status: ContentfulStatusCode = 200,
) {
  const ctx = catalogContext(c);
  const seller = shopOf(c).id;
  const parsed = SellerListingsQuery.safeParse({ ...filter, limit: PAGE_SIZE });
  let notice = noticeOf(new URL(c.req.url).searchParams);
  let page = parsed.success
    ? await listSellerListings(ctx, seller, parsed.data).catch((error) => {
        if (error instanceof AppError && error.code === "invalid_cursor") return undefined;
        throw error;
      })
    : undefined;
  if (!page) {
    notice = {
      kind: "error",
      text: "Those filters or that page are not ones this table knows; here is every listing.",
    };
    filter = {};
    page = await listSellerListings(ctx, seller, SellerListingsQuery.parse({ limit: PAGE_SIZE }));
  }
  // A refused row is shown even when its listing is not on the page the form came from any more.
  if (refusedRow && !page.items.some((item) => item.id === refusedRow.id)) {
    page = { ...page, items: [await sellerListing(ctx, seller, refusedRow.id), ...page.items] };
  }
  return shopPage(
    c,
    { title: "Listings", status },
    <ListingsPage filter={filter} page={page} token={csrfOf(c)} notice={notice} refusedRow={refusedRow} />,
  );
}

/** `/console/listings`: the shop's listings, their inline price and quantity edit, pausing and resuming many. */
export const listingsRoutes = new Hono<AppEnv>()
  .get("/listings", (c) => listingsPage(c, filterOf(new URL(c.req.url).searchParams)))
  .post(`/listings/:id${LISTING_ID}/quick-edit`, async (c) => {
    const id = c.req.param("id");
    const ctx = catalogContext(c);
    const seller = shopOf(c).id;
    const values = await formFields(c);
    const draft = stockDraft(values);
    const back = filterOfBack(values.back);
    const backHref = listingsHref(back, back.cursor ? { cursor: back.cursor } : {});
    let refused: FormState | undefined = textRefusal(values, draft);
    let listing: ListingView | undefined;
    if (!refused) {
      try {
        listing = await updateListing(ctx, seller, id, UpdateListingBody.parse(draft.body));
      } catch (error) {
        refused = listingRefusal(values, error, draft);
      }
    }
    if (refused) {
      // A refused value is the row's to show, whatever the API's status: htmx swaps 422 answers.
      refused.status = 422;
      if (!isFragmentRequest(c)) return listingsPage(c, back, { id, form: refused }, 422);
      listing = await sellerListing(ctx, seller, id);
      return c.html(<ListingRow listing={listing} token={csrfOf(c)} back={backHref} refused={refused} />, 422);
    }
    if (!isFragmentRequest(c)) return c.redirect(`${backHref}#listing-${id}`, 303);
    return c.html(<ListingRow listing={listing!} token={csrfOf(c)} back={backHref} saved />);
  })
  .post("/listings/status", async (c) => {
    const values = await formFields(c);
    const ids = await formList(c, "ids");
    const back = filterOfBack(values.back);
    const extra: Record<string, string> = back.cursor ? { cursor: back.cursor } : {};
    if (ids.length === 0) return c.redirect(listingsHref(back, { ...extra, done: "none" }), 303);
    const parsed = ListingsStatusBody.safeParse({ ids, status: values.status });
    if (!parsed.success)
      throw new AppError("validation_failed", "Pause or resume up to 100 of your listings at a time.");
    const input = parsed.data;
    const { results } = await setListingsStatus(catalogContext(c), shopOf(c).id, input);
    const updated = results.filter((result) => result.result === "updated").length;
    // A form naming only listings of another shop changed nothing there: the same 404 as an unknown listing.
    if (updated === 0) throw new AppError("not_found", "None of the selected listings is in your shop.");
    const done = { done: input.status === "paused" ? "paused" : "resumed", count: String(updated) };
    const missing = results.length - updated;
    return c.redirect(listingsHref(back, { ...extra, ...done, ...(missing ? { missing: String(missing) } : {}) }), 303);
  });
