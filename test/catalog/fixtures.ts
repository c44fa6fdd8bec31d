import type { BookPage } from "../../workers/catalog/books";
import {
  addBooks,
  addCategories,
  addListing,
  type BookFixture,
  catalogContext,
  fakeSellerId,
  testIsbn,
} from "../support/catalog";
import { api } from "../support/http";

/** A small bookshop: a category tree three levels deep, Tolkien and neighbours, offers from two sellers. */
export const HOBBIT = "9780261102217";

export const BOOKS: BookFixture[] = [
  {
    isbn: HOBBIT,
    title: "The Hobbit",
    subtitle: "or There and Back Again",
    authors: ["J. R. R. Tolkien"],
    categories: ["epic-fantasy"],
    publishedYear: 1937,
    description: "Bilbo Baggins is swept into a quest.",
  },
  {
    isbn: testIsbn(1),
    title: "The Hobbit",
    authors: ["J. R. R. Tolkien"],
    categories: ["epic-fantasy"],
    format: "hardcover",
    publishedYear: 1995,
  },
  {
    isbn: testIsbn(2),
    title: "The Fellowship of the Ring",
    authors: ["J. R. R. Tolkien"],
    categories: ["epic-fantasy"],
    publishedYear: 1954,
  },
  {
    isbn: testIsbn(3),
    title: "The Silmarillion",
    authors: ["J. R. R. Tolkien", "Christopher Tolkien"],
    categories: ["fantasy"],
    publishedYear: 1977,
  },
  {
    isbn: testIsbn(4),
    title: "The Habit of Art",
    authors: ["Alan Bennett"],
    categories: ["fiction"],
    publishedYear: 2009,
  },
  {
    isbn: testIsbn(5),
    title: "The Murder of Roger Ackroyd",
    authors: ["Agatha Christie"],
    categories: ["crime"],
    publishedYear: 1926,
  },
  {
    isbn: testIsbn(6),
    title: "A Brief History of Time",
    authors: ["Stephen Hawking"],
    categories: ["science"],
    publishedYear: 1988,
  },
  {
    isbn: testIsbn(7),
    title: "The Name of the Rose",
    authors: ["Umberto Eco"],
    categories: ["crime"],
    publishedYear: 1980,
  },
  {
    isbn: testIsbn(8),
    title: "Der Hobbit",
    authors: ["J. R. R. Tolkien"],
    categories: ["epic-fantasy"],
    language: "de",
    publishedYear: 1997,
  },
];

export const SELLER_A = fakeSellerId();
export const SELLER_B = fakeSellerId();

export async function seedBookshop() {
  const ctx = catalogContext();
  await addCategories(ctx, [
    ["fiction", "Fiction"],
    ["fantasy", "Fantasy", "fiction"],
    ["epic-fantasy", "Epic Fantasy", "fantasy"],
    ["crime", "Crime", "fiction"],
    ["non-fiction", "Non-fiction"],
    ["science", "Science", "non-fiction"],
  ]);
  await addBooks(ctx, BOOKS);
  const listings = {
    hobbitNew: await addListing(ctx, SELLER_A, {
      isbn: HOBBIT,
      condition: "new",
      price: { amount: 1299, currency: "EUR" },
    }),
    hobbitGood: await addListing(ctx, SELLER_B, {
      isbn: HOBBIT,
      condition: "good",
      price: { amount: 699, currency: "EUR" },
      quantity: 1,
    }),
    hobbitHardcover: await addListing(ctx, SELLER_A, {
      isbn: testIsbn(1),
      condition: "like_new",
      price: { amount: 2499, currency: "EUR" },
    }),
    fellowship: await addListing(ctx, SELLER_B, { isbn: testIsbn(2), price: { amount: 1599, currency: "EUR" } }),
    habit: await addListing(ctx, SELLER_A, {
      isbn: testIsbn(4),
      condition: "acceptable",
      price: { amount: 399, currency: "EUR" },
    }),
    ackroydSoldOut: await addListing(ctx, SELLER_B, { isbn: testIsbn(5), condition: "very_good", quantity: 0 }),
    briefHistory: await addListing(ctx, SELLER_A, { isbn: testIsbn(6), price: { amount: 1099, currency: "EUR" } }),
    derHobbit: await addListing(ctx, SELLER_B, { isbn: testIsbn(8), price: { amount: 1450, currency: "EUR" } }),
  };
  await ctx.settled();
  return { ctx, listings };
}

export async function books(query: string): Promise<BookPage> {
  const response = await api(`/v1/books${query}`);
  if (response.status !== 200)
    throw new Error(`GET /v1/books${query} answered ${response.status}: ${await response.text()}`);
  return response.json<BookPage>();
}

export const titles = (page: BookPage) => page.items.map((item) => item.title);
export const isbns = (page: BookPage) => page.items.map((item) => item.isbn13);
