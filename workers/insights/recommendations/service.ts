import type { EventData } from "../../../queues/event-catalogue";
import { type BookPageExtras, categoriesOfEditions, type EditionForSale, editionsForSale } from "../../catalog";
import { editionsOfOrder } from "../../orders";
import { atomically, type Statement } from "../../platform/db";
import type { InsightsContext } from "../context";
import { cosineNeighbours, type Neighbour, personalRanking, TOP_PER_EDITION } from "./scores";
import * as store from "./store";

/** How many editions a reply lists. */
const SHOWN = 10;
/** How many of the marketplace's best sellers a category's best sellers are picked from. */
const BEST_SELLERS_READ = 500;

/** Book-page views, one row per viewer, edition and day; views without a viewer key are not recorded. */
export function recordViews(
  ctx: InsightsContext,
  views: { data: EventData<"ProductViewed">; occurredAt: string }[],
): Statement[] {
  const rows = views.flatMap(({ data, occurredAt }) =>
    data.viewerKey
      ? [{ viewerKey: data.viewerKey, isbn13: data.isbn13, day: occurredAt.slice(0, 10), userId: data.userId }]
      : [],
  );
  return store.recordViewers(ctx.services.db, rows);
}

/** A paid order's editions, one row per order and edition, read from the order itself (the event names no ISBN). */
export async function recordPurchase(ctx: InsightsContext, paid: EventData<"OrderPaid">): Promise<Statement[]> {
  const lines = await editionsOfOrder(ctx, paid.orderId);
  const copies = new Map<string, number>();
  for (const line of lines) copies.set(line.isbn13, (copies.get(line.isbn13) ?? 0) + line.quantity);
  const day = paid.paidAt.slice(0, 10);
  return store.recordPurchases(
    ctx.services.db,
    [...copies].map(([isbn13, quantity]) => ({ orderId: paid.orderId, isbn13, buyerId: paid.buyerId, day, quantity })),
  );
}

/** How many editions' lists one commit of the daily build replaces (their rows stay well within a D1 batch). */
const EDITIONS_PER_WINDOW = 25;

/**
 * The daily build: "bought together" from the orders' editions and "also viewed" from view sessions (one viewer's
 * editions of one day), both by cosine similarity, the top 20 per edition. The history is read a page at a time;
 * the lists are written 25 editions a commit, each edition's list replaced whole, then the lists of editions the
 * build left out are dropped.
 */
export async function rebuildRecommendations(ctx: InsightsContext, now = Date.now()): Promise<number> {
  const { db } = ctx.services;
  const [purchases, views] = await Promise.all([
    everyPage<store.PurchaseKey>((after) => store.purchasesAfter(db, after)),
    everyPage<store.ViewerDayKey>((after) => store.viewerDaysAfter(db, after)),
  ]);
  const orders = groupBy(purchases, (row) => row.orderId);
  const sessions = groupBy(views, (row) => `${row.viewerKey}/${row.day}`);
  const lists = new Map<string, store.RecommendationRow[]>();
  const add = (kind: store.RecommendationKind, neighbours: Map<string, Neighbour[]>) => {
    for (const [isbn13, list] of neighbours) {
      const rows = lists.get(isbn13) ?? [];
      for (const [index, neighbour] of list.entries()) {
        const { isbn13: recommendedIsbn13, score } = neighbour;
        rows.push({ isbn13, kind, rank: index + 1, recommendedIsbn13, score, builtAt: now });
      }
      lists.set(isbn13, rows);
    }
  };
  add("bought_together", cosineNeighbours(orders.values(), TOP_PER_EDITION));
  add("also_viewed", cosineNeighbours(sessions.values(), TOP_PER_EDITION));
  const editions = [...lists.keys()].sort();
  for (let from = 0; from < editions.length; from += EDITIONS_PER_WINDOW) {
    const window = editions.slice(from, from + EDITIONS_PER_WINDOW);
    await atomically(
      db,
      store.replaceListsOf(
        db,
        window,
        window.flatMap((isbn13) => lists.get(isbn13) ?? []),
      ),
    );
  }
  await store.dropListsBuiltBefore(db, now);
  return [...lists.values()].reduce((sum, rows) => sum + rows.length, 0);
}

/** Every row of a keyset-paged read, page after page until a short one. */
async function everyPage<T>(page: (after: T | undefined) => PromiseLike<T[]>): Promise<T[]> {
  const rows: T[] = [];
  let after: T | undefined;
  for (;;) {
    const part = await page(after);
    rows.push(...part);
    if (part.length < store.READ_PAGE) return rows;
    after = part.at(-1);
  }
}

function groupBy<T extends { isbn13: string }>(rows: T[], keyOf: (row: T) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const group = groups.get(keyOf(row)) ?? [];
    group.push(row.isbn13);
    groups.set(keyOf(row), group);
  }
  return groups;
}

export interface BookRecommendations {
  boughtTogether: EditionForSale[];
  alsoViewed: EditionForSale[];
  bestSellers: EditionForSale[];
}

/**
 * An edition's recommendations, keeping only editions with a copy for sale now. An edition nobody has bought
 * with another or looked at with another yet gets its category's best sellers instead.
 */
export async function bookRecommendations(
  ctx: Pick<InsightsContext, "services">,
  isbn13: string,
): Promise<BookRecommendations> {
  const { db } = ctx.services;
  const [together, viewed] = await Promise.all([
    store.recommendationsOf(db, [isbn13], "bought_together"),
    store.recommendationsOf(db, [isbn13], "also_viewed"),
  ]);
  const forSale = await editionsForSale(
    ctx.services,
    [...together, ...viewed].map((row) => row.recommendedIsbn13),
  );
  const shown = (rows: { recommendedIsbn13: string }[]) =>
    rows.flatMap((row) => forSale.get(row.recommendedIsbn13) ?? []).slice(0, SHOWN);
  const boughtTogether = shown(together);
  const alsoViewed = shown(viewed);
  const cold = boughtTogether.length === 0 && alsoViewed.length === 0;
  const bestSellers = cold ? await categoryBestSellers(ctx, [isbn13], new Set([isbn13])) : [];
  return { boughtTogether, alsoViewed, bestSellers };
}

/**
 * The best sellers filed under a category of any of `sources` (their direct categories), most copies first,
 * leaving out `leaveOut`; only editions for sale now.
 */
async function categoryBestSellers(
  ctx: Pick<InsightsContext, "services">,
  sources: string[],
  leaveOut: Set<string>,
): Promise<EditionForSale[]> {
  const sellers = (await store.bestSellers(ctx.services.db, BEST_SELLERS_READ)).map((row) => row.isbn13);
  const filed = await categoriesOfEditions(ctx.services, [...sources, ...sellers]);
  const wanted = new Set(sources.flatMap((isbn13) => filed.get(isbn13) ?? []));
  const sameShelf = sellers.filter(
    (isbn13) => !leaveOut.has(isbn13) && (filed.get(isbn13) ?? []).some((category) => wanted.has(category)),
  );
  return forSaleInOrder(ctx, sameShelf);
}

/** The top "bought together" editions of a book page, for sale now. */
export async function boughtTogether(
  ctx: Pick<InsightsContext, "services">,
  isbn13: string,
): Promise<EditionForSale[]> {
  const rows = await store.recommendationsOf(ctx.services.db, [isbn13], "bought_together");
  return forSaleInOrder(
    ctx,
    rows.map((row) => row.recommendedIsbn13),
  );
}

/** When the daily build runs (workers/scheduled.ts's "30 3 * * *"): 03:30 UTC, in ms after midnight. */
const DAILY_BUILD_AT = (3 * 60 + 30) * 60_000;
const DAY = 86_400_000;

/** What the book page shows of the recommendations: "bought together", fresh until the next daily build. */
export const bookPageExtras: BookPageExtras = {
  boughtTogether: (services, isbn13) => boughtTogether({ services }, isbn13),
  boughtTogetherUntil: (now) => Math.floor((now - DAILY_BUILD_AT) / DAY) * DAY + DAY + DAILY_BUILD_AT,
};

/**
 * A reader's recommendations from what they bought and looked at, leaving out what they bought and what is not
 * for sale. When their history leads nowhere yet, the best sellers of the categories they bought and looked in;
 * with no history at all, the marketplace's best sellers; either way leaving out what they bought.
 */
export async function readerRecommendations(
  ctx: InsightsContext,
  userId: string,
): Promise<{ items: EditionForSale[]; basis: "history" | "category_best_sellers" | "best_sellers" }> {
  const { db } = ctx.services;
  const [bought, viewed] = await Promise.all([store.purchasesOf(db, userId), store.viewsOf(db, userId)]);
  const history = { bought: bought.map((row) => row.isbn13), viewed: viewed.map((row) => row.isbn13) };
  const sources = [...new Set([...history.bought, ...history.viewed])];
  const [together, alike] = await Promise.all([
    store.recommendationsOf(db, sources, "bought_together"),
    store.recommendationsOf(db, sources, "also_viewed"),
  ]);
  const neighbours = new Map<string, Neighbour[]>();
  for (const row of [...together, ...alike]) {
    const list = neighbours.get(row.isbn13) ?? [];
    list.push({ isbn13: row.recommendedIsbn13, score: row.score });
    neighbours.set(row.isbn13, list);
  }
  const ranked = personalRanking(history, (isbn13) => neighbours.get(isbn13) ?? []);
  const owned = new Set(history.bought);
  const fromHistory = await forSaleInOrder(
    ctx,
    ranked.map((entry) => entry.isbn13),
  );
  if (fromHistory.length > 0) return { items: fromHistory, basis: "history" };
  if (sources.length > 0) {
    const sameShelf = await categoryBestSellers(ctx, sources, owned);
    if (sameShelf.length > 0) return { items: sameShelf, basis: "category_best_sellers" };
  }
  const sellers = await store.bestSellers(db, SHOWN * 5);
  const items = await forSaleInOrder(
    ctx,
    sellers.map((row) => row.isbn13).filter((isbn13) => !owned.has(isbn13)),
  );
  return { items, basis: "best_sellers" };
}

async function forSaleInOrder(ctx: Pick<InsightsContext, "services">, isbns: string[]): Promise<EditionForSale[]> {
  const candidates = isbns.slice(0, SHOWN * 5);
  const forSale = await editionsForSale(ctx.services, candidates);
  return candidates.flatMap((isbn13) => forSale.get(isbn13) ?? []).slice(0, SHOWN);
}
