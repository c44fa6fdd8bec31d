import type { CartLine } from "../../durable-objects/cart";
import { checkChoice, type Quote, type QuoteRequest, quoteCart, refusalError, userCartName } from "../cart";
import type { CartListing } from "../catalog";
import { AppError } from "../http/errors";
import type { ShippingAddress } from "../identity";
import { type Hold, releaseHolds, reservationIdFor, reserveCart } from "../inventory";
import { newId } from "../lib/ids";
import { MARKETPLACE_CURRENCY } from "../lib/money";
import type { PaymentRow } from "../payments";
import { startPayment } from "../payments";
import type { Services } from "../platform/services";
import { holdUses, releaseUses } from "../promotions";
import {
  locationCountries,
  quoteShipping,
  type ShippingMethod,
  type ShippingRates,
  sellerProfiles,
  shippingRates,
} from "../sellers";
import type { OrdersContext } from "./context";
import { orderEvents } from "./events";
import { moveWholeOrder } from "./plans";
import * as store from "./store";
import { changeOrder, type OrderState } from "./transitions";
import { MAX_UNPAID_ORDERS, sameOrder, tooManyUnpaid } from "./unpaid-orders";

/**
 * Checkout, a saga: validate the cart and price it (today's prices, the promotions running and the codes the cart
 * holds, tax for the address) → reserve every listing (StockDO, listing-id order; undone by releasing the holds)
 * → write the order, its lines, seller orders, first history rows, the promotions' held uses and OrderCreated
 * atomically (undone by cancelling it, which gives the uses back) → create the payment for the order's total
 * with the order id as the provider's idempotency key.
 */
/** Today's listings of the cart's books, from the catalog (the route composes it). */
export type ListingsOf = (ids: string[]) => Promise<Map<string, CartListing>>;

export interface CheckoutRequest {
  buyerId: string;
  address: ShippingAddress;
  method: ShippingMethod;
}

interface CheckoutResult {
  state: OrderState;
  payment: PaymentRow;
  /** What the new order's view shows beyond its rows, known at checkout: nothing needs reading back. */
  shown: { storeNames: Map<string, string>; history: store.HistoryRow[] };
  /** The cart already waited in this unpaid order, which is answered instead of a second one. */
  existing: boolean;
}

interface PricedLine {
  cartLine: CartLine;
  listing: CartListing;
  cover: { id: string; name: string; price: { amount: number; currency: string } } | null;
}

/** A cart line at today's price and cover choice; anything no longer for sale stops the checkout. */
function priceLine(cartLine: CartLine, listing: CartListing | undefined): PricedLine {
  const where = { lineId: cartLine.lineId, listingId: cartLine.listingId };
  if (!listing) throw new AppError("listing_unavailable", "A book in the cart is no longer listed.", where);
  let cover: PricedLine["cover"];
  try {
    cover = checkChoice(listing, {
      listingId: cartLine.listingId,
      coverOptionId: cartLine.coverOptionId ?? undefined,
      inscription: cartLine.inscription ?? undefined,
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    // The cart checked this choice when it was added; what fails now changed since (a cover option withdrawn).
    const code = error.code === "not_found" ? "listing_unavailable" : error.code;
    throw new AppError(code, `${listing.title}: ${error.detail ?? error.message}`, { ...error.extra, ...where });
  }
  if (listing.price.currency !== MARKETPLACE_CURRENCY || (cover && cover.price.currency !== MARKETPLACE_CURRENCY)) {
    throw new AppError("unsupported_currency", `${listing.title} is not priced in ${MARKETPLACE_CURRENCY}.`, where);
  }
  return { cartLine, listing, cover };
}

function groupBySeller(lines: PricedLine[]): Map<string, PricedLine[]> {
  const groups = new Map<string, PricedLine[]>();
  for (const line of lines) groups.set(line.listing.sellerId, [...(groups.get(line.listing.sellerId) ?? []), line]);
  return groups;
}

const units = (lines: PricedLine[]) => lines.reduce((sum, line) => sum + line.cartLine.quantity, 0);

/**
 * Each seller's shipping charge to the address, quoted from where each listing ships: its location's country, or
 * the seller's ships-from country; copies from different countries go as parcels of their own. A seller who does
 * not ship there refuses the checkout (422).
 */
async function shippingCharges(
  services: Services,
  bySeller: Map<string, PricedLine[]>,
  request: CheckoutRequest,
): Promise<Map<string, number>> {
  const sellerIds = [...bySeller.keys()];
  const locationIds = [...bySeller.values()].flatMap((lines) => lines.flatMap((line) => line.listing.locationId ?? []));
  const [profiles, rates, countries] = await Promise.all([
    sellerProfiles({ services }, sellerIds),
    shippingRates(services, sellerIds),
    locationCountries({ services }, locationIds),
  ]);
  const charges = new Map<string, number>();
  const refused = [];
  for (const [sellerId, lines] of bySeller) {
    const profile = profiles.get(sellerId);
    const quote = profile
      ? quoteParcels(rates.get(sellerId)!, request, byOrigin(lines, profile.shipsFrom, countries))
      : ({ ok: false, reason: "country_not_served" } as const);
    if (quote.ok) charges.set(sellerId, quote.amount);
    else
      refused.push({
        sellerId,
        storeName: lines[0]!.listing.storeName,
        reason: quote.reason,
        lineIds: lines.map((line) => line.cartLine.lineId),
        listingIds: [...new Set(lines.map((line) => line.listing.id))],
      });
  }
  if (refused.length > 0) {
    const names = refused.map((seller) => seller.storeName).join(", ");
    const what = request.method === "express" ? `express to ${request.address.country}` : request.address.country;
    throw new AppError("shipping_unavailable", `${names} ${refused.length === 1 ? "does" : "do"} not ship ${what}.`, {
      country: request.address.country,
      shippingMethod: request.method,
      sellers: refused,
    });
  }
  return charges;
}

/** A seller's lines by the country they ship from. */
function byOrigin(lines: PricedLine[], shipsFrom: string, countries: Map<string, string>) {
  const origins = new Map<string, PricedLine[]>();
  for (const line of lines) {
    const origin = (line.listing.locationId && countries.get(line.listing.locationId)) || shipsFrom;
    origins.set(origin, [...(origins.get(origin) ?? []), line]);
  }
  return origins;
}

/** The parcels' charges added up, or the first parcel's refusal. */
function quoteParcels(rates: ShippingRates, request: CheckoutRequest, origins: Map<string, PricedLine[]>) {
  let amount = 0;
  for (const [shipsFrom, lines] of origins) {
    const quote = quoteShipping(rates, {
      shipsFrom,
      country: request.address.country,
      method: request.method,
      units: units(lines),
    });
    if (!quote.ok) return quote;
    amount += quote.charge.amount;
  }
  return { ok: true as const, amount };
}

function outOfStock(
  shortages: { listingId: string; requested: number; available: number }[],
  priced: PricedLine[],
): AppError {
  const short = new Map(shortages.map((shortage) => [shortage.listingId, shortage]));
  const lines = priced
    .filter((line) => short.has(line.listing.id))
    .map((line) => ({
      lineId: line.cartLine.lineId,
      listingId: line.listing.id,
      title: line.listing.title,
      quantity: line.cartLine.quantity,
      requested: short.get(line.listing.id)!.requested,
      available: short.get(line.listing.id)!.available,
    }));
  return new AppError(
    "out_of_stock",
    "Some books are no longer available in the quantity in your cart. Nothing was reserved.",
    { lines },
  );
}

/** What the quote is asked for the cart's lines: the buyer's codes, the address's tax, each seller's shipping. */
function quoteRequest(
  request: CheckoutRequest,
  priced: PricedLine[],
  codes: string[],
  shipping: Map<string, number>,
): QuoteRequest {
  return {
    buyerId: request.buyerId,
    lines: priced.map(({ cartLine, listing, cover }) => ({
      lineId: cartLine.lineId,
      listing,
      quantity: cartLine.quantity,
      coverPrice: cover?.price.amount ?? 0,
    })),
    codes,
    now: Date.now(),
    destination: { country: request.address.country, region: request.address.region ?? null },
    shipping,
  };
}

/**
 * A code the cart holds that no longer applies stops the checkout: 422 with the refusal as its code, in the cart's
 * own words, and how to check out without it.
 */
function refusedCode(quote: Quote): AppError | undefined {
  const [refused] = quote.refused;
  if (!refused) return undefined;
  const applied = quote.applied.flatMap(({ offer }) => (offer.code ? [offer.code] : []));
  const error = refusalError(refused, MARKETPLACE_CURRENCY, applied);
  return new AppError(
    error.code,
    `${error.detail} Remove it from your cart (DELETE /v1/cart/promotions/${refused.code}) to check out without it.`,
    error.extra,
  );
}

function usedUp(names: string[]): AppError {
  return new AppError(
    "usage_limit_reached",
    `${names.join(", ")} ${names.length === 1 ? "was" : "were"} used up by other orders just now. Nothing was reserved.`,
    { promotions: names },
  );
}

/**
 * Whether a promotion the quote applied was used up while this checkout wrote its order (the hold of its use
 * aborted the batch): priced again, it is refused at its limit, or no longer applies at all.
 */
async function promotionsUsedUp(ctx: OrdersContext, request: QuoteRequest, quote: Quote): Promise<string[]> {
  const again = await quoteCart(ctx, { ...request, now: Date.now() });
  const refused = again.refused.filter((refusal) => refusal.reason === "usage_limit_reached");
  const applied = new Set(again.applied.map(({ offer }) => offer.id));
  const gone = quote.applied.filter(
    ({ offer }) => !applied.has(offer.id) && (offer.usageLimit !== null || offer.perBuyerLimit !== null),
  );
  return [
    ...new Set([...refused.map((refusal) => refusal.code), ...gone.map(({ offer }) => offer.code ?? offer.name)]),
  ];
}

/** The order, its seller orders and lines as the quote prices them, plus their first history rows and events. */
function plannedOrder(
  ctx: OrdersContext,
  request: CheckoutRequest,
  orderId: string,
  priced: PricedLine[],
  quote: Quote,
  holdExpiresAt: number,
  now: number,
) {
  const { db } = ctx.services;
  const sellerOrders: store.SellerOrderRow[] = [];
  const lines: store.OrderLineRow[] = [];
  for (const [sellerId, group] of groupBySeller(priced)) {
    const sellerOrderId = newId("sor");
    for (const { cartLine, listing, cover } of group) {
      const quoted = quote.lines.get(cartLine.lineId)!;
      lines.push({
        id: newId("oln"),
        orderId,
        sellerOrderId,
        listingId: listing.id,
        reservationId: reservationIdFor(orderId, listing.id),
        title: listing.title,
        isbn13: listing.isbn13,
        condition: listing.condition,
        quantity: cartLine.quantity,
        unitPrice: listing.price.amount,
        coverOptionId: cover?.id ?? null,
        coverName: cover?.name ?? null,
        coverPrice: cover?.price.amount ?? 0,
        inscription: cartLine.inscription,
        discounts: quoted.discounts,
        discountTotal: quoted.discountTotal,
        lineTotal: quoted.lineTotal,
        refundedAmount: 0,
        refundedQuantity: 0,
        restockedQuantity: 0,
      });
    }
    const part = quote.sellers.get(sellerId)!;
    sellerOrders.push({
      id: sellerOrderId,
      orderId,
      sellerId,
      status: "pending_payment",
      itemsTotal: part.itemsTotal,
      coversTotal: part.coversTotal,
      shippingTotal: part.shippingTotal,
      discountTotal: part.discountTotal,
      sellerFundedDiscount: part.sellerFundedDiscount,
      tax: part.tax,
      taxLines: part.taxLines,
      total: part.total,
      refundedTotal: 0,
      deliveredAt: null,
      returnWindowEndsAt: null,
      completedAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }
  const order: store.OrderRow = {
    id: orderId,
    buyerId: request.buyerId,
    status: "pending_payment",
    currency: MARKETPLACE_CURRENCY,
    itemsTotal: quote.itemsTotal,
    coversTotal: quote.coversTotal,
    shippingTotal: quote.shippingTotal,
    discountTotal: quote.discountTotal,
    sellerFundedDiscount: quote.sellerFundedDiscount,
    tax: quote.tax,
    taxLines: quote.taxLines,
    taxCountry: request.address.country,
    total: quote.total,
    refundedTotal: 0,
    goodwillTotal: 0,
    shippingAddress: request.address,
    shippingMethod: request.method,
    holdExpiresAt,
    cancelReason: null,
    paidAt: null,
    completedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const history: store.HistoryRow[] = [null, ...sellerOrders.map((row) => row.id)].map((sellerOrderId) => ({
    id: newId("osh"),
    orderId,
    sellerOrderId,
    fromStatus: null,
    toStatus: "pending_payment",
    actor: `buyer:${request.buyerId}`,
    reason: "checkout",
    at: now,
  }));
  return {
    state: { order, sellerOrders, lines } satisfies OrderState,
    statements: [
      store.insertOrder(db, order),
      ...sellerOrders.map((row) => store.insertSellerOrder(db, row)),
      ...lines.map((row) => store.insertLine(db, row)),
      ...history.map((row) => store.insertHistory(db, row)),
      ...holdUses(ctx, quote, { orderId, buyerId: request.buyerId, currency: order.currency, now }),
    ],
    history,
    events: [orderEvents.checkoutStarted(order, lines), orderEvents.orderCreated(order, sellerOrders, lines)],
  };
}

export async function checkout(
  ctx: OrdersContext,
  request: CheckoutRequest,
  listingsOf: ListingsOf,
): Promise<CheckoutResult> {
  const { services, log } = ctx;
  const { lines: cartLines, codes } = await ctx.carts.getByName(userCartName(request.buyerId)).contents();
  if (cartLines.length === 0) throw new AppError("cart_empty", "Add books to the cart before checking out.");
  const listings = await listingsOf(cartLines.map((line) => line.listingId));
  const priced = cartLines.map((line) => priceLine(line, listings.get(line.listingId)));
  const shipping = await shippingCharges(services, groupBySeller(priced), request);

  const waiting = await store.unpaidOrdersOf(services.db, request.buyerId, Date.now(), MAX_UNPAID_ORDERS + 1);
  const same = await sameOrder(services, waiting, { lines: cartLines, codes }, request);
  if (same) {
    const storeNames = new Map(priced.map((line) => [line.listing.sellerId, line.listing.storeName]));
    return { ...same, shown: { storeNames, history: await store.historyOf(services.db, same.state.order.id) } };
  }
  if (waiting.length >= MAX_UNPAID_ORDERS) throw tooManyUnpaid();

  const asked = quoteRequest(request, priced, codes, shipping);
  const quote = await quoteCart(ctx, asked);
  const refused = refusedCode(quote);
  if (refused) throw refused;

  const orderId = newId("ord");
  const demand = priced.map((line) => ({ listingId: line.listing.id, quantity: line.cartLine.quantity }));
  const reserved = await reserveCart(ctx.stock, orderId, demand, ctx.holdMs);
  if (!reserved.ok) throw outOfStock(reserved.shortages, priced);

  let planned: ReturnType<typeof plannedOrder>;
  try {
    const now = Date.now();
    planned = plannedOrder(ctx, request, orderId, priced, quote, reserved.holdExpiresAt, now);
    const guard = store.guardUnpaidOrders(services.db, planned.state.order, now, MAX_UNPAID_ORDERS);
    await services.outbox.commit([...planned.statements, guard], planned.events);
  } catch (error) {
    await releaseQuietly(ctx, reserved.holds);
    // Another checkout of this buyer's got in first: the guard aborted this one.
    const unpaid = await store.unpaidOrdersOf(services.db, request.buyerId, Date.now(), MAX_UNPAID_ORDERS);
    if (unpaid.length >= MAX_UNPAID_ORDERS) throw tooManyUnpaid();
    // Other checkouts took a promotion's last uses: its hold aborted this one.
    const gone = quote.applied.length > 0 ? await promotionsUsedUp(ctx, asked, quote) : [];
    throw gone.length > 0 ? usedUp(gone) : error;
  }

  const { order } = planned.state;
  try {
    const payment = await startPayment(services, {
      orderId,
      total: { amount: order.total, currency: order.currency },
      description: `Book Bazaar order ${orderId}`,
    });
    const storeNames = new Map(priced.map((line) => [line.listing.sellerId, line.listing.storeName]));
    return { state: planned.state, payment, shown: { storeNames, history: planned.history }, existing: false };
  } catch (error) {
    log.error("payment could not be started; cancelling the order", { orderId, error: String(error) });
    await abandon(ctx, orderId, reserved.holds);
    throw new AppError(
      "unavailable",
      "The payment could not be started. Nothing was charged and no copies are held; please try again.",
    );
  }
}

async function releaseQuietly(ctx: OrdersContext, holds: Hold[]) {
  // Holds also expire on their own; a failed release only keeps copies out of sale until then.
  await releaseHolds(ctx.stock, holds).catch((error) =>
    ctx.log.warn("releasing checkout holds failed; they will expire", { error: String(error) }),
  );
}

/**
 * The compensation of a checkout whose payment could not be created: release the holds, cancel the order and
 * give its promotions' uses back.
 */
async function abandon(ctx: OrdersContext, orderId: string, holds: Hold[]) {
  await releaseQuietly(ctx, holds);
  const { services } = ctx;
  await changeOrder(services, orderId, (state) => {
    if (state.order.status !== "pending_payment") return { statements: [], events: [], result: undefined };
    const now = Date.now();
    const moves = moveWholeOrder(services.db, state, "cancelled", {
      actor: "system:checkout",
      reason: "payment_unavailable",
      now,
      orderPatch: { cancelReason: "payment_unavailable" },
    });
    return {
      statements: [...moves.statements, ...releaseUses(ctx, orderId, now)],
      events: [
        ...moves.events,
        orderEvents.orderCancelled(state.order, {
          buyer: null,
          reason: "payment_unavailable",
          actor: "system:checkout",
          paid: false,
        }),
      ],
      result: undefined,
    };
  }).catch((error) => ctx.log.error("cancelling an unpayable order failed", { orderId, error: String(error) }));
}
