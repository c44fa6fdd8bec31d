// Deterministic demo catalog: categories, works, editions, sellers, listings, cover options, price history,
// the search documents and the spelling vocabulary. Same `books` and seed → the same rows, byte for byte.
import { tokenize, variantsOf } from "../../workers/catalog/search.ts";
import { CATEGORY_TREE, CLASSICS, COVER_OPTIONS, SELLERS } from "./classics.mjs";
import {
  ADJECTIVES,
  ANIMALS,
  DESCRIPTION_OPENERS,
  FANTASY,
  FIRST_NAMES,
  HORROR,
  LAST_NAMES,
  MYSTERY,
  NOUNS,
  PLACES,
  PUBLISHERS,
  ROMANCE,
  SCIFI,
  TOPICS,
} from "./words.mjs";

const CONDITIONS = ["new", "like_new", "very_good", "good", "acceptable"];
const CONDITION_PRICE = { new: 1, like_new: 0.8, very_good: 0.65, good: 0.5, acceptable: 0.35 };
const BASE_TIME = Date.UTC(2025, 0, 1);
const CURRENCY = "EUR";

/** mulberry32: a small, fast, deterministic PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

/** Prefixed ids shaped like the app's UUIDv7 ids: 12 hex of time, a version nibble, 19 hex of sequence. */
export function idMaker(prefix) {
  let counter = 0;
  return (time) => `${prefix}_${time.toString(16).padStart(12, "0")}7${(++counter).toString(16).padStart(19, "0")}`;
}

function isbn13CheckDigit(first12) {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

/** Generated ISBNs live in 979-8 (a registration group real demo data will not collide with much). */
function generatedIsbn(n) {
  const first12 = `9798${String(n).padStart(8, "0")}`;
  return first12 + isbn13CheckDigit(first12);
}

function slug(text) {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function flattenCategories() {
  const out = [];
  const walk = (nodes, parent) =>
    nodes.forEach(([slugName, name, children], position) => {
      out.push({ slug: slugName, name, parent, position });
      if (children) walk(children, slugName);
    });
  walk(CATEGORY_TREE, null);
  return out;
}

const GENERATED_CATEGORIES = [
  ["epic-fantasy", 6],
  ["urban-fantasy", 3],
  ["fantasy", 2],
  ["space-opera", 4],
  ["dystopian", 3],
  ["science-fiction", 2],
  ["crime", 6],
  ["espionage", 3],
  ["romance", 6],
  ["historical-fiction", 5],
  ["literary-fiction", 8],
  ["horror", 3],
  ["ancient-history", 3],
  ["modern-history", 4],
  ["physics", 2],
  ["biology", 2],
  ["astronomy", 2],
  ["biography-memoir", 4],
  ["philosophy", 2],
  ["travel", 3],
  ["cooking", 4],
  ["business", 3],
  ["self-help", 3],
  ["picture-books", 3],
  ["middle-grade", 3],
  ["young-adult", 4],
  ["poetry", 2],
  ["comics-graphic-novels", 3],
  ["art-photography", 2],
];

function author(r) {
  const first = r.pick(FIRST_NAMES);
  const last = r.pick(LAST_NAMES);
  return r.chance(0.12) ? `${first[0]}. ${r.pick(FIRST_NAMES)[0]}. ${last}` : `${first} ${last}`;
}

/** A title, subtitle and description that fit the category. */
function generateBook(r, category, authors) {
  const adj = r.pick(ADJECTIVES);
  const noun = r.pick(NOUNS);
  const place = r.pick(PLACES);
  const topicsFor = (key) => TOPICS[key] ?? TOPICS.philosophy;
  let title;
  let subtitle = null;
  let kind = "novel";
  switch (category) {
    case "epic-fantasy":
    case "urban-fantasy":
    case "fantasy": {
      const f = r.pick(FANTASY.nouns);
      title = r.pick([`The ${adj} ${f}`, `${f} of ${place}`, `The ${f}'s ${noun}`, `A ${f} in ${place}`]);
      if (r.chance(0.3)) subtitle = `${r.pick(["The", "A"])} ${noun} Cycle, ${r.pick(FANTASY.series)}`;
      break;
    }
    case "space-opera":
    case "dystopian":
    case "science-fiction": {
      const s = r.pick(SCIFI.nouns);
      title = r.pick([
        `The ${s} from ${r.pick(SCIFI.places)}`,
        `${adj} ${s}`,
        `The Last ${s}`,
        `${r.pick(SCIFI.places)} ${s}`,
      ]);
      break;
    }
    case "crime":
    case "espionage": {
      const m = r.pick(MYSTERY.nouns);
      title = r.pick([`The ${noun} ${m}`, `${m} in ${place}`, `A ${m} at the ${noun}`, `The ${adj} ${m}`]);
      if (r.chance(0.25)) subtitle = `An Inspector ${r.pick(LAST_NAMES)} Mystery`;
      break;
    }
    case "romance":
      title = r.pick([
        `The ${r.pick(ROMANCE.nouns)} in ${place}`,
        `A ${adj} ${r.pick(ROMANCE.nouns)}`,
        `${r.pick(ROMANCE.nouns)} at the ${noun}`,
      ]);
      break;
    case "horror":
      title = r.pick([`The ${r.pick(HORROR.nouns)} at ${noun} House`, `${adj} ${r.pick(HORROR.nouns)}`]);
      break;
    case "historical-fiction":
      title = r.pick([`The ${noun} of ${place}`, `The ${noun}'s ${r.pick(NOUNS)}`, `A ${noun} in ${place}`]);
      break;
    case "literary-fiction":
      title = r.pick([
        `The ${adj} ${noun}`,
        `A ${noun} for ${r.pick(FIRST_NAMES)}`,
        `${adj} ${noun}s`,
        `The ${noun} Years`,
      ]);
      if (r.chance(0.15)) subtitle = "A Novel";
      break;
    case "biography-memoir": {
      const person = `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
      title = r.pick([`${person}: A Life`, `The Life and Times of ${person}`, `My Years in ${place}`]);
      kind = "memoir";
      break;
    }
    case "travel":
      title = r.pick([`A Year in ${place}`, `Walking ${place}`, `${place}: A Traveller's Companion`]);
      kind = "travel book";
      break;
    case "picture-books": {
      const animal = r.pick(ANIMALS);
      title = r.pick([
        `The ${r.pick(["Sleepy", "Brave", "Grumpy", "Tiny", "Curious"])} ${animal}`,
        `${animal} Goes to ${place}`,
      ]);
      kind = "picture book";
      break;
    }
    case "middle-grade":
    case "young-adult":
      title = r.pick([`${r.pick(FIRST_NAMES)} and the ${adj} ${noun}`, `The ${adj} ${noun} Club`]);
      break;
    case "poetry":
      title = r.pick([`${noun}s and Other Poems`, `${adj} ${noun}`, `Poems from ${place}`]);
      kind = "collection of poems";
      break;
    case "comics-graphic-novels":
      title = `${adj} ${noun}`;
      subtitle = `Volume ${r.int(1, 6)}`;
      kind = "graphic novel";
      break;
    default: {
      const topic = r.pick(topicsFor(category));
      title = r.pick([
        `A Short History of ${topic}`,
        `The Story of ${topic}`,
        `The Hidden Life of ${topic}`,
        `Why ${topic} Matters`,
        `The Art of ${topic}`,
        `Understanding ${topic}`,
      ]);
      kind = "book";
    }
  }
  const description = `${r.pick(DESCRIPTION_OPENERS)} ${kind} by ${authors.join(" and ")}, set between ${r.pick(PLACES)} and ${r.pick(PLACES)}.`;
  return { title, subtitle, description };
}

/**
 * Builds the whole catalog in memory. `books` is the number of editions. Returns rows per table (as objects
 * keyed by column name), ready to be written as SQL.
 */
export function generateCatalog({ books, seed = 20250101 }) {
  const r = rng(seed);
  const ids = {
    cat: idMaker("cat"),
    wrk: idMaker("wrk"),
    edn: idMaker("edn"),
    lst: idMaker("lst"),
    cov: idMaker("cov"),
    prh: idMaker("prh"),
    usr: idMaker("usr"),
    sel: idMaker("sel"),
  };
  const rows = {
    users: [],
    user_roles: [],
    sellers: [],
    categories: [],
    category_closure: [],
    works: [],
    editions: [],
    edition_categories: [],
    search_documents: [],
    listings: [],
    cover_options: [],
    listing_price_history: [],
    search_terms: [],
    search_term_variants: [],
  };

  // Categories and their closure.
  const categories = flattenCategories();
  const bySlug = new Map();
  for (const category of categories) {
    const id = ids.cat(BASE_TIME);
    const parent = category.parent ? bySlug.get(category.parent) : null;
    const node = { id, slug: category.slug, ancestors: [id, ...(parent ? parent.ancestors : [])] };
    bySlug.set(category.slug, node);
    rows.categories.push({
      id,
      slug: category.slug,
      name: category.name,
      parent_id: parent ? parent.id : null,
      position: category.position,
      edition_count: 0,
      created_at: BASE_TIME,
      updated_at: BASE_TIME,
    });
    node.ancestors.forEach((ancestor, depth) => {
      rows.category_closure.push({ ancestor_id: ancestor, descendant_id: id, depth });
    });
  }
  const editionCounts = new Map();

  // Sellers (identity's data, written only by this operator tool).
  const sellers = SELLERS.map(([storeName, shipsFrom], index) => {
    const time = BASE_TIME + index;
    const userId = ids.usr(time);
    const sellerId = ids.sel(time);
    const email = `${slug(storeName)}@sellers.bookbazaar.local`;
    rows.users.push({
      id: userId,
      email,
      email_key: email,
      name: `${storeName} (seller)`,
      password_hash: null,
      email_verified_at: time,
      shipping_addresses: "[]",
      created_at: time,
      updated_at: time,
      deleted_at: null,
    });
    rows.user_roles.push({ user_id: userId, role: "seller", source: "operator", granted_at: time });
    rows.sellers.push({
      id: sellerId,
      user_id: userId,
      store_name: storeName,
      store_name_key: storeName.toLowerCase(),
      contact_email: email,
      ships_from: shipsFrom,
      created_at: time,
      updated_at: time,
    });
    const prefix = storeName.replace(/[^A-Z]/g, "").slice(0, 3) || "SKU";
    return { id: sellerId, prefix, skus: 0 };
  });

  const vocabulary = new Map();
  let generatedIsbns = 0;
  let editionNo = 0;

  const addEdition = ({ work, format, publisher, language, isbn, title, categorySlugs, year, pages }) => {
    const time = BASE_TIME + editionNo * 60_000;
    editionNo += 1;
    const isbn13 = isbn ?? generatedIsbn(++generatedIsbns);
    const editionId = ids.edn(time);
    const shownTitle = title ?? work.title;
    const description = work.description;
    const edition = {
      id: editionId,
      work_id: work.id,
      isbn13,
      title: shownTitle,
      subtitle: work.subtitle ?? null,
      authors: JSON.stringify(work.authors),
      format,
      publisher,
      published_year: Math.max(0, year + (format === "paperback" && r.chance(0.4) ? r.int(1, 3) : 0)),
      language,
      page_count: pages,
      description,
      cover_key: null,
      lowest_price: null,
      offer_count: 0,
      available: 0,
      conditions: 0,
      version: 1,
      doc_id: editionNo,
      created_at: time,
      updated_at: time,
    };
    rows.editions.push(edition);
    rows.search_documents.push({
      id: editionNo,
      edition_id: editionId,
      title: shownTitle,
      subtitle: work.subtitle ?? "",
      authors: work.authors.join("; "),
      isbn: isbn13,
      description: description ?? "",
    });
    const terms = new Set(tokenize([shownTitle, work.subtitle ?? "", ...work.authors].join(" ")));
    for (const term of terms) vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
    const ancestors = new Set();
    for (const categorySlug of categorySlugs) {
      const node = bySlug.get(categorySlug);
      rows.edition_categories.push({ edition_id: editionId, category_id: node.id });
      for (const ancestor of node.ancestors) ancestors.add(ancestor);
    }
    for (const ancestor of ancestors) editionCounts.set(ancestor, (editionCounts.get(ancestor) ?? 0) + 1);
    addListings(edition, time, format === "hardcover" ? r.int(1899, 3499) : r.int(799, 1999));
  };

  const addListings = (edition, time, basePrice) => {
    const roll = r.next();
    const count = roll < 0.12 ? 0 : roll < 0.5 ? 1 : roll < 0.78 ? 2 : roll < 0.93 ? 3 : 4;
    const chosen = new Set();
    for (let n = 0; n < count; n++) chosen.add(r.int(0, sellers.length - 1));
    let lowest = null;
    let offers = 0;
    let available = 0;
    let mask = 0;
    for (const sellerIndex of chosen) {
      const seller = sellers[sellerIndex];
      const condition = r.chance(0.4) ? "new" : r.pick(CONDITIONS.slice(1));
      const listedAt = time + r.int(1, 50_000);
      const listingId = ids.lst(listedAt);
      const quantity = r.chance(0.06) ? 0 : condition === "new" ? r.int(1, 15) : r.chance(0.8) ? 1 : r.int(2, 3);
      const paused = r.chance(0.03);
      const status = paused ? "paused" : quantity > 0 ? "active" : "sold_out";
      const price = Math.max(
        199,
        Math.round((basePrice * CONDITION_PRICE[condition] * (0.9 + r.next() * 0.2)) / 50) * 50 - 1,
      );
      rows.listings.push({
        id: listingId,
        seller_id: seller.id,
        edition_id: edition.id,
        sku: `${seller.prefix}-${String(++seller.skus).padStart(6, "0")}`,
        condition,
        condition_notes:
          condition === "new"
            ? null
            : r.pick([
                "Light shelf wear.",
                "Pencil marks on a few pages.",
                "Spine slightly creased.",
                "Clean copy, no markings.",
                "Former library copy with stamps.",
                null,
              ]),
        price_amount: price,
        currency: CURRENCY,
        quantity,
        available: quantity,
        status,
        version: 1,
        created_at: listedAt,
        updated_at: listedAt,
      });
      // Price history: the listing price, sometimes after one or two earlier prices.
      const earlier = r.chance(0.25) ? r.int(1, 2) : 0;
      for (let step = earlier; step >= 0; step--) {
        rows.listing_price_history.push({
          id: ids.prh(listedAt + (earlier - step) * 86_400_000),
          listing_id: listingId,
          amount: step === 0 ? price : price + step * 200,
          currency: CURRENCY,
          changed_at: listedAt + (earlier - step) * 86_400_000,
        });
      }
      if (r.chance(0.12)) {
        const options = new Set([r.int(0, COVER_OPTIONS.length - 1), r.int(0, COVER_OPTIONS.length - 1)]);
        [...options].forEach((optionIndex, position) => {
          const [name, kind, amount, maxLength] = COVER_OPTIONS[optionIndex];
          rows.cover_options.push({
            id: ids.cov(listedAt),
            listing_id: listingId,
            name,
            kind,
            price_amount: amount,
            currency: CURRENCY,
            max_length: maxLength,
            position,
            removed_at: null,
          });
        });
      }
      if (status === "active" && quantity > 0) {
        lowest = lowest === null ? price : Math.min(lowest, price);
        offers += 1;
        available += quantity;
        mask |= 1 << CONDITIONS.indexOf(condition);
      }
    }
    Object.assign(edition, { lowest_price: lowest, offer_count: offers, available, conditions: mask });
  };

  const newWork = (title, subtitle, authors, description, time) => {
    const work = { id: ids.wrk(time), title, subtitle, authors, description };
    rows.works.push({
      id: work.id,
      title,
      subtitle,
      authors: JSON.stringify(authors),
      subjects: "[]",
      created_at: time,
      updated_at: time,
    });
    return work;
  };

  // The classics first, with their real and translated editions.
  for (const [title, subtitle, authors, year, pages, categorySlugs, editions] of CLASSICS) {
    if (editionNo >= books) break;
    const description = `${r.pick(DESCRIPTION_OPENERS)} classic by ${authors[0]}, first published in ${year < 0 ? `${-year} BC` : year}.`;
    const work = newWork(title, subtitle, authors, description, BASE_TIME + editionNo * 60_000);
    for (const [format, publisher, language, isbn, translated] of editions) {
      if (editionNo >= books) break;
      addEdition({ work, format, publisher, language, isbn, title: translated, categorySlugs, year, pages });
    }
  }

  // Then generated books until the count is reached; some works get both a hardcover and a paperback.
  const weighted = GENERATED_CATEGORIES.flatMap(([slugName, weight]) => Array(weight).fill(slugName));
  while (editionNo < books) {
    const category = r.pick(weighted);
    const authors = r.chance(0.1) ? [author(r), author(r)] : [author(r)];
    const book = generateBook(r, category, authors);
    const second = r.chance(0.2) ? [r.pick(weighted)] : [];
    const categorySlugs = [...new Set([category, ...second])];
    const year = r.chance(0.6) ? r.int(2005, 2025) : r.int(1950, 2004);
    const pages = category === "picture-books" ? r.int(24, 48) : r.int(120, 720);
    const work = newWork(book.title, book.subtitle, authors, book.description, BASE_TIME + editionNo * 60_000);
    const formats = r.chance(0.15) ? ["hardcover", "paperback"] : [r.chance(0.3) ? "hardcover" : "paperback"];
    const publisher = r.pick(PUBLISHERS);
    for (const format of formats) {
      if (editionNo >= books) break;
      addEdition({ work, format, publisher, language: "en", isbn: null, title: null, categorySlugs, year, pages });
    }
  }

  for (const category of rows.categories) category.edition_count = editionCounts.get(category.id) ?? 0;
  for (const [term, count] of [...vocabulary.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    rows.search_terms.push({ term, doc_count: count });
    for (const variant of variantsOf(term)) rows.search_term_variants.push({ variant, term });
  }
  return rows;
}
