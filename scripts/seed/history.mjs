// Weeks of demo history on top of a generated catalog: readers (accounts), their paid orders with seller orders,
// lines and parcels, reviews, book-page views and cart adds, and the recommender's purchases, views and daily
// build. It spans the six complete ISO weeks before the current one and the current one up to `now`.
// Payments, the ledger and payouts are not seeded: the orders read as paid, and nothing moves money.
import { sentimentOf } from "../../workers/community/sentiment.ts";
import { cosineNeighbours, TOP_PER_EDITION } from "../../workers/insights/recommendations/scores.ts";
import { idMaker, rng } from "./catalog.mjs";
import { readingHistory, shelvesOf } from "./readers.mjs";
import { FIRST_NAMES, LAST_NAMES, PLACES } from "./words.mjs";

const DAY = 86_400_000;
export const HISTORY_WEEKS = 6;
const SHIPPING = 390;
const RETURN_WINDOW = 14 * DAY;
const BEST_SELLERS = 12;
export const DEMO_READERS = 240;

const PRAISE = [
  ["Wonderful", "A wonderful read, beautifully written. I loved every chapter and the ending is brilliant."],
  ["Loved it", "Gripping from the first page; the characters are charming and the story is a delight."],
  ["A favourite", "Excellent and moving. I recommend it to anyone; a great gift, the copy arrived in perfect shape."],
  ["Great", "Clever, funny and warm. A great book, I enjoyed it more than I expected."],
];
const MIXED = [["Fine", "Good in parts, slow in others. The middle drags but the ending works."]];
const COMPLAINTS = [
  ["Disappointing", "Boring and far too long. The plot is weak and the ending was a disappointment."],
  ["Not for me", "Dull characters and a confusing story. I was bored and gave up halfway, sadly."],
  ["Poor copy", "The copy arrived damaged with a torn cover, and the book itself is badly written."],
];

/** Monday 00:00 UTC of the ISO week holding `now`. */
const weekStart = (now) => {
  const day = new Date(now);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return midnight - ((day.getUTCDay() + 6) % 7) * DAY;
};
const dayOf = (time) => new Date(time).toISOString().slice(0, 10);

/** The catalog's editions with a copy for sale, each with its cheapest active listing, author and category. */
function editionsForSale(catalog) {
  const cheapest = new Map();
  for (const listing of catalog.listings) {
    if (listing.status !== "active" || listing.quantity === 0) continue;
    const known = cheapest.get(listing.edition_id);
    if (!known || listing.price_amount < known.price_amount) cheapest.set(listing.edition_id, listing);
  }
  const category = new Map();
  for (const row of catalog.edition_categories)
    if (!category.has(row.edition_id)) category.set(row.edition_id, row.category_id);
  return catalog.editions
    .filter((edition) => cheapest.has(edition.id))
    .map((edition) => ({
      ...edition,
      author: JSON.parse(edition.authors)[0] ?? "",
      category: category.get(edition.id),
      listing: cheapest.get(edition.id),
    }));
}

/**
 * The demo readers' tastes and what they bought and looked at (see readers.mjs), on the catalog's editions for
 * sale; `byIsbn` gives each edition with its cheapest listing. The seed and the bench's hit rate share it.
 */
export function demoReaders({ catalog, seed, readers }) {
  const r = rng(seed + 2);
  const editions = editionsForSale(catalog);
  const bestSellers = Array.from({ length: BEST_SELLERS }, () => r.pick(editions).isbn13);
  const history = readingHistory({ shelves: shelvesOf(editions), bestSellers, readers, seed });
  return { byIsbn: new Map(editions.map((edition) => [edition.isbn13, edition])), history };
}

/**
 * The history's rows per table, for `readers` readers signing in with `passwordHash`. Deterministic from the
 * catalog, the seed and the week `now` falls in.
 */
export function generateHistory({ catalog, seed, now, readers = DEMO_READERS, passwordHash }) {
  const r = rng(seed + 1);
  const ids = Object.fromEntries(["usr", "ord", "sor", "oln", "shp", "rev"].map((prefix) => [prefix, idMaker(prefix)]));
  const from = weekStart(now) - HISTORY_WEEKS * 7 * DAY;
  const span = now - from;
  const { byIsbn, history } = demoReaders({ catalog, seed, readers });
  const rows = {
    users: [],
    orders: [],
    seller_orders: [],
    order_lines: [],
    shipments: [],
    reviews: [],
    edition_funnel_days: [],
    insights_edition_viewers: [],
    insights_edition_purchases: [],
    insights_edition_recommendations: [],
  };
  const funnel = new Map();
  const tally = (edition, time, field, count = 1) => {
    const key = `${edition.id}/${dayOf(time)}`;
    const row = funnel.get(key) ?? { edition_id: edition.id, day: dayOf(time), views: 0, cart_adds: 0 };
    row[field] += count;
    funnel.set(key, row);
  };
  const viewed = new Set();
  const reviewed = new Set();
  const stars = new Map();

  for (const { reader, orders, views } of history) {
    const first = FIRST_NAMES[reader % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(reader / FIRST_NAMES.length) % LAST_NAMES.length];
    const name = `${first} ${last}`;
    const email = `reader${reader + 1}@readers.bookbazaar.local`;
    // Three readers in ten opened their account during the history and were active from then on.
    const since = r.chance(0.3) ? r.next() * 0.9 : 0;
    const timeOf = (at) => Math.floor(from + (since + at * (1 - since)) * span);
    const joined = since > 0 ? timeOf(0) - r.int(1, 3_600_000) : from - r.int(7, 400) * DAY;
    const userId = ids.usr(Math.floor(joined));
    const address = {
      name,
      line1: `${r.int(1, 120)} ${r.pick(PLACES)} Street`,
      city: "Berlin",
      postalCode: "10115",
      country: "DE",
    };
    rows.users.push({
      id: userId,
      email,
      email_key: email,
      name,
      password_hash: passwordHash,
      email_verified_at: Math.floor(joined),
      shipping_addresses: JSON.stringify([address]),
      created_at: Math.floor(joined),
      updated_at: Math.floor(joined),
      deleted_at: null,
    });
    for (const view of views) {
      const time = timeOf(view.at);
      const edition = byIsbn.get(view.isbn);
      tally(edition, time, "views", 1 + r.int(0, 3)); // guests look too
      if (r.chance(0.12)) tally(edition, time, "cart_adds"); // added and left in the cart
      const key = `${userId}/${view.isbn}/${dayOf(time)}`;
      if (viewed.has(key)) continue;
      viewed.add(key);
      rows.insights_edition_viewers.push({ viewer_key: userId, isbn13: view.isbn, day: dayOf(time), user_id: userId });
    }
    for (const order of orders) {
      const placed = timeOf(order.at);
      writeOrder({ order, placed, userId, name, address });
    }
  }

  function writeOrder({ order, placed, userId, name, address }) {
    const orderId = ids.ord(placed);
    const paidAt = placed + r.int(30, 300) * 1000;
    const refunded = r.chance(0.04);
    const bySeller = new Map();
    for (const isbn of order.isbns) {
      const edition = byIsbn.get(isbn);
      const seller = edition.listing.seller_id;
      bySeller.set(seller, [...(bySeller.get(seller) ?? []), edition]);
    }
    let itemsTotal = 0;
    let allCompleted = true;
    let completedAt = 0;
    for (const [sellerId, bought] of bySeller) {
      const sellerOrderId = ids.sor(placed);
      let sellerItems = 0;
      for (const edition of bought) {
        const quantity = r.chance(0.08) ? 2 : 1;
        const lineTotal = edition.listing.price_amount * quantity;
        sellerItems += lineTotal;
        tally(edition, placed, "cart_adds", quantity);
        rows.order_lines.push({
          id: ids.oln(placed),
          order_id: orderId,
          seller_order_id: sellerOrderId,
          listing_id: edition.listing.id,
          reservation_id: `res_${orderId.slice(4)}`,
          title: edition.title,
          isbn13: edition.isbn13,
          condition: edition.listing.condition,
          quantity,
          unit_price: edition.listing.price_amount,
          line_total: lineTotal,
          refunded_amount: refunded ? lineTotal : 0,
          refunded_quantity: refunded ? quantity : 0,
        });
        rows.insights_edition_purchases.push({
          order_id: orderId,
          isbn13: edition.isbn13,
          buyer_id: userId,
          day: dayOf(paidAt),
          quantity,
        });
      }
      const shippedAt = paidAt + r.int(6, 48) * 3_600_000;
      const deliveredAt = shippedAt + r.int(1, 4) * DAY;
      const status = refunded
        ? "refunded"
        : deliveredAt + RETURN_WINDOW <= now
          ? "completed"
          : deliveredAt <= now
            ? "delivered"
            : shippedAt <= now
              ? "shipped"
              : "paid";
      if (status === "completed") completedAt = Math.max(completedAt, deliveredAt + RETURN_WINDOW);
      else allCompleted = false;
      const delivered = status === "completed" || status === "delivered";
      if (!refunded && shippedAt <= now) {
        rows.shipments.push({
          id: ids.shp(shippedAt),
          seller_order_id: sellerOrderId,
          order_id: orderId,
          carrier: "DHL",
          tracking_number: `00340434${String(rows.shipments.length + 1).padStart(10, "0")}`,
          tracking_url: null,
          shipped_at: shippedAt,
          delivered_at: delivered ? deliveredAt : null,
        });
      }
      const total = sellerItems + SHIPPING;
      rows.seller_orders.push({
        id: sellerOrderId,
        order_id: orderId,
        seller_id: sellerId,
        status,
        items_total: sellerItems,
        covers_total: 0,
        shipping_total: SHIPPING,
        total,
        refunded_total: refunded ? total : 0,
        delivered_at: delivered ? deliveredAt : null,
        return_window_ends_at: delivered ? deliveredAt + RETURN_WINDOW : null,
        completed_at: status === "completed" ? deliveredAt + RETURN_WINDOW : null,
        created_at: placed,
        updated_at: Math.min(now, status === "completed" ? deliveredAt + RETURN_WINDOW : deliveredAt),
      });
      itemsTotal += sellerItems;
      if (delivered) for (const edition of bought) review(edition, userId, name, deliveredAt);
    }
    const shippingTotal = SHIPPING * bySeller.size;
    const total = itemsTotal + shippingTotal;
    rows.orders.push({
      id: orderId,
      buyer_id: userId,
      status: refunded ? "refunded" : allCompleted ? "completed" : "paid",
      currency: "EUR",
      items_total: itemsTotal,
      covers_total: 0,
      shipping_total: shippingTotal,
      total,
      refunded_total: refunded ? total : 0,
      shipping_address: JSON.stringify(address),
      shipping_method: "standard",
      hold_expires_at: placed + 15 * 60_000,
      cancel_reason: refunded ? "Refunded at the buyer's request" : null,
      paid_at: paidAt,
      completed_at: allCompleted && !refunded ? completedAt : null,
      created_at: placed,
      updated_at: paidAt,
    });
  }

  function review(edition, userId, name, deliveredAt) {
    const at = deliveredAt + r.int(1, 5) * DAY;
    if (at > now || !r.chance(0.4) || reviewed.has(`${userId}/${edition.work_id}`)) return;
    reviewed.add(`${userId}/${edition.work_id}`);
    const roll = r.next();
    const [title, body, rating] =
      roll < 0.65
        ? [...r.pick(PRAISE), r.int(4, 5)]
        : roll < 0.8
          ? [...r.pick(MIXED), 3]
          : [...r.pick(COMPLAINTS), r.int(1, 2)];
    rows.reviews.push({
      id: ids.rev(at),
      work_id: edition.work_id,
      edition_id: edition.id,
      isbn13: edition.isbn13,
      author_id: userId,
      author_name: name,
      rating,
      title,
      body,
      verified: 1,
      sentiment: sentimentOf(title, body),
      status: "published",
      created_at: at,
      updated_at: at,
    });
    const counts = stars.get(edition.work_id) ?? [0, 0, 0, 0, 0];
    counts[rating - 1] += 1;
    stars.set(edition.work_id, counts);
  }

  rows.edition_funnel_days = [...funnel.values()];
  rows.insights_edition_recommendations = recommendationRows(rows, now);
  return { rows, stars, from };
}

/** The daily build's rows from the seeded purchases and views: the same scoring as the recommender's job. */
function recommendationRows(rows, now) {
  const group = (list, keyOf) => {
    const groups = new Map();
    for (const row of list) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row.isbn13]);
    return groups.values();
  };
  const out = [];
  const add = (kind, neighbours) => {
    for (const [isbn13, list] of neighbours) {
      for (const [index, neighbour] of list.entries()) {
        out.push({
          isbn13,
          kind,
          rank: index + 1,
          recommended_isbn13: neighbour.isbn13,
          score: neighbour.score,
          built_at: now,
        });
      }
    }
  };

  add(
    "bought_together",
    cosineNeighbours(
      group(rows.insights_edition_purchases, (row) => row.order_id),
      TOP_PER_EDITION,
    ),
  );
  add(
    "also_viewed",
    cosineNeighbours(
      group(rows.insights_edition_viewers, (row) => `${row.viewer_key}/${row.day}`),
      TOP_PER_EDITION,
    ),
  );
  return out;
}
