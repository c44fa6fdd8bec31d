// Readers with tastes, for the demo history and the recommender's hit rate: each reader prefers one or two
// shelves (an author's editions, or a corner of one category) and buys and looks mostly there, plus some of the
// marketplace's best sellers and a little noise. Same shelves, readers and seed → the same history.
import { rng } from "./catalog.mjs";

/** How many editions a category corner holds, for categories whose authors write one book each. */
const CORNER = 8;

/**
 * The shelves readers choose from, among `editions` ({ isbn13, author, category }): every author with four
 * editions or more, then each category's remaining editions by ISBN in corners of eight.
 */
export function shelvesOf(editions) {
  const byAuthor = new Map();
  for (const edition of editions) byAuthor.set(edition.author, [...(byAuthor.get(edition.author) ?? []), edition]);
  const shelves = [];
  const rest = new Map();
  for (const list of byAuthor.values()) {
    if (list.length >= 4) shelves.push(list.map((edition) => edition.isbn13).sort());
    else
      for (const edition of list) rest.set(edition.category, [...(rest.get(edition.category) ?? []), edition.isbn13]);
  }
  for (const isbns of rest.values()) {
    isbns.sort();
    for (let from = 0; from + 2 <= isbns.length; from += CORNER) shelves.push(isbns.slice(from, from + CORNER));
  }
  return shelves.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * Each reader's orders and book-page views, `at` a fraction of the history's span (0 first, below 1 last), in
 * time order. `bestSellers`: the editions everyone buys now and then.
 */
export function readingHistory({ shelves, bestSellers, readers, seed }) {
  const r = rng(seed);
  const everything = shelves.flat();
  const order = shelves
    .map((list) => ({ list, key: r.next() }))
    .sort((a, b) => a.key - b.key)
    .map(({ list }) => list);
  const history = [];
  for (let reader = 0; reader < readers; reader++) {
    // Some shelves have many more readers than others: the first ones in a shuffled order are the popular ones.
    const shelf = () => order[Math.floor(order.length * r.next() ** 2)];
    const tastes = r.chance(0.4) ? [shelf(), shelf()] : [shelf()];
    const bought = new Set();
    const fresh = (list) => {
      const left = list.filter((isbn) => !bought.has(isbn));
      return left.length ? r.pick(left) : undefined;
    };
    const choose = () => {
      const roll = r.next();
      if (roll < 0.72) return fresh(r.pick(tastes)) ?? fresh(bestSellers);
      if (roll < 0.9) return fresh(bestSellers);
      return fresh(everything);
    };
    const times = Array.from({ length: r.int(2, 6) }, () => r.next()).sort((a, b) => a - b);
    const orders = [];
    const views = [];
    for (const at of times) {
      const isbns = [];
      for (let n = r.chance(0.35) ? r.int(2, 3) : 1; n > 0; n--) {
        const isbn = choose();
        if (isbn === undefined) continue;
        bought.add(isbn);
        isbns.push(isbn);
        views.push({ at, isbn });
      }
      if (isbns.length) orders.push({ at, isbns });
      // Browsing before buying: a few more pages of the same shelves, now and then something else.
      for (let n = r.int(1, 4); n > 0; n--) {
        const isbn = r.chance(0.75) ? r.pick(r.pick(tastes)) : r.pick(everything);
        views.push({ at: Math.max(0, at - r.next() * 0.05), isbn });
      }
    }
    views.sort((a, b) => a.at - b.at);
    history.push({ reader, orders, views });
  }
  return history;
}

/**
 * The hit-rate split: each reader with two orders or more keeps all but their last order (and the pages they
 * looked at from then on) for training; the last order's first edition is what a recommender should find.
 */
export function heldOutSplit(history) {
  const training = [];
  const heldOut = [];
  for (const { reader, orders, views } of history) {
    const last = orders.at(-1);
    if (orders.length < 2 || !last) {
      training.push({ reader, orders, views });
      continue;
    }
    heldOut.push({ reader, isbn13: last.isbns[0] });
    training.push({ reader, orders: orders.slice(0, -1), views: views.filter((view) => view.at < last.at) });
  }
  return { training, heldOut };
}

/** The baseline: the ten best sellers (copies in `orders`, most first, ties by ISBN) the reader has not bought. */
export function bestSellersFor(bought, orders, k = 10) {
  const copies = new Map();
  for (const isbns of orders) for (const isbn of isbns) copies.set(isbn, (copies.get(isbn) ?? 0) + 1);
  return [...copies]
    .filter(([isbn]) => !bought.has(isbn))
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
    .slice(0, k)
    .map(([isbn]) => isbn);
}
