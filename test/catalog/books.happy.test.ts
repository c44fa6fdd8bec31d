import { beforeAll, describe, expect, it } from "vitest";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { api } from "../support/http";
import { books, HOBBIT, isbns, seedBookshop, titles } from "./fixtures";

beforeAll(async () => {
  await seedBookshop();
});

describe("GET /v1/books — browsing", () => {
  it("lists editions newest first with title, authors, ISBN, lowest price, offers and an empty rating", async () => {
    const page = await books("?limit=3");
    expect(titles(page)).toEqual(["The Habit of Art", "Der Hobbit", "The Hobbit"]);
    expect(page.items[2]).toMatchObject({
      isbn13: testIsbn(1),
      authors: ["J. R. R. Tolkien"],
      format: "hardcover",
      lowestPrice: { amount: 2499, currency: "EUR" },
      offerCount: 1,
      coverImageUrl: null,
      rating: { average: null, count: 0, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    });
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it("includes a category's descendants", async () => {
    const fantasy = await books("?category=fantasy&limit=50");
    expect(titles(fantasy).sort()).toEqual(
      ["Der Hobbit", "The Fellowship of the Ring", "The Hobbit", "The Hobbit", "The Silmarillion"].sort(),
    );
    const fiction = await books("?category=fiction&limit=50");
    expect(fiction.items).toHaveLength(8);
    const epic = await books("?category=epic-fantasy&limit=50");
    expect(titles(epic)).not.toContain("The Silmarillion");
    expect(titles(await books("?category=science"))).toEqual(["A Brief History of Time"]);
  });

  it("filters by condition, stock, price, language and format", async () => {
    expect(isbns(await books("?condition=good"))).toEqual([HOBBIT]);
    expect(isbns(await books("?condition=good,acceptable&sort=price_asc"))).toEqual([testIsbn(4), HOBBIT]);
    const inStock = titles(await books("?inStock=true&limit=50"));
    expect(inStock).not.toContain("The Silmarillion");
    expect(inStock).not.toContain("The Murder of Roger Ackroyd");
    expect(inStock).toHaveLength(6);
    expect(titles(await books("?minPrice=1000&maxPrice=1500&sort=price_asc"))).toEqual([
      "A Brief History of Time",
      "Der Hobbit",
    ]);
    expect(titles(await books("?language=de"))).toEqual(["Der Hobbit"]);
    expect(isbns(await books("?format=hardcover"))).toEqual([testIsbn(1)]);
  });

  it("sorts by lowest price both ways, listing only editions with a buyable offer", async () => {
    const ascending = await books("?sort=price_asc&limit=50");
    const prices = ascending.items.map((item) => item.lowestPrice?.amount);
    expect(prices).toEqual([399, 699, 1099, 1450, 1599, 2499]);
    const descending = await books("?sort=price_desc&limit=50");
    expect(descending.items.map((item) => item.lowestPrice?.amount)).toEqual([...prices].reverse());
  });

  it("pages with a cursor that stays stable while new editions arrive", async () => {
    const seen: string[] = [];
    let page = await books("?category=fiction&limit=3");
    seen.push(...isbns(page));
    // New books are catalogued between page requests: some sort before the cursor, some after.
    await addBooks(catalogContext(), [
      {
        isbn: testIsbn(101),
        title: "A Newer Book",
        authors: ["New Author"],
        categories: ["crime"],
        publishedYear: 2030,
      },
      {
        isbn: testIsbn(102),
        title: "An Older Book",
        authors: ["Old Author"],
        categories: ["crime"],
        publishedYear: 1900,
      },
    ]);
    while (page.nextCursor) {
      page = await books(`?category=fiction&limit=3&cursor=${page.nextCursor}`);
      seen.push(...isbns(page));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).not.toContain(testIsbn(101));
    expect(seen).toContain(testIsbn(102));
    expect(seen).toHaveLength(9);
  });
});

describe("GET /v1/books — search", () => {
  it("finds The Hobbit from 'hobit' and 'the hobbitt', and says what it searched", async () => {
    const hobit = await books("?q=hobit");
    expect(hobit.items[0]?.title).toBe("The Hobbit");
    expect(hobit.correctedQuery).toBe("hobbit");
    const theHobbitt = await books("?q=the%20hobbitt");
    expect(theHobbitt.items[0]?.title).toBe("The Hobbit");
    expect(titles(theHobbitt)).not.toContain("The Habit of Art");
  });

  it("finds Tolkien's books from 'tolkein'", async () => {
    const page = await books("?q=tolkein&limit=50");
    expect(page.items.length).toBe(5);
    expect(page.items.every((item) => item.authors.includes("J. R. R. Tolkien"))).toBe(true);
  });

  it("finds an edition by ISBN-10 typed with hyphens", async () => {
    const page = await books("?q=0-261-10221-4");
    expect(isbns(page)).toEqual([HOBBIT]);
  });

  it("ranks title matches above other fields and combines search with filters", async () => {
    expect(titles(await books("?q=hobbit&language=de"))).toEqual(["Der Hobbit"]);
    expect(isbns(await books("?q=hobbit&sort=price_asc"))).toEqual([HOBBIT, testIsbn(8), testIsbn(1)]);
    expect(titles(await books("?q=rose"))).toEqual(["The Name of the Rose"]);
  });

  it("pages through equally ranked results without repeating any", async () => {
    const seen: string[] = [];
    let page = await books("?q=hobbit&limit=1");
    seen.push(...isbns(page));
    while (page.nextCursor) {
      page = await books(`?q=hobbit&limit=1&cursor=${page.nextCursor}`);
      seen.push(...isbns(page));
    }
    expect(seen.sort()).toEqual([HOBBIT, testIsbn(1), testIsbn(8)].sort());
  });

  it("answers an unmatched query with an empty page", async () => {
    const page = await books("?q=zzyzzyva%20qwxv");
    expect(page).toEqual({ items: [], nextCursor: null });
  });
});

describe("GET /v1/books/suggest", () => {
  it("completes titles and authors from a prefix", async () => {
    const response = await api("/v1/books/suggest?q=hob");
    expect(response.status).toBe(200);
    const { items } = await response.json<{ items: { kind: string; text: string; isbn13?: string }[] }>();
    expect(items).toContainEqual({ kind: "title", text: "The Hobbit", isbn13: expect.stringMatching(/^97\d{11}$/) });
    const authors = await (await api("/v1/books/suggest?q=tolk")).json<{ items: { kind: string; text: string }[] }>();
    expect(authors.items).toContainEqual({ kind: "author", text: "J. R. R. Tolkien" });
    expect(authors.items.length).toBeLessThanOrEqual(10);
  });

  it("completes after earlier words and forgives a misspelt last word", async () => {
    const { items } = await (await api("/v1/books/suggest?q=the%20fell")).json<{ items: { text: string }[] }>();
    expect(items.map((item) => item.text)).toContain("The Fellowship of the Ring");
    const fixed = await (await api("/v1/books/suggest?q=silmarilion")).json<{ items: { text: string }[] }>();
    expect(fixed.items.map((item) => item.text)).toContain("The Silmarillion");
  });
});
