import { env } from "cloudflare:workers";
import { inArray } from "drizzle-orm";
import { categories } from "../../schema/catalog";
import { CatalogReadCache } from "../../workers/catalog/cache";
import { createCategory } from "../../workers/catalog/categories";
import type { CatalogContext } from "../../workers/catalog/context";
import { planNewEditions } from "../../workers/catalog/editions";
import { type Isbn13, normalizeIsbn } from "../../workers/catalog/isbn";
import { createListing } from "../../workers/catalog/listings";
import type { CreateListingInput } from "../../workers/catalog/schemas";
import { sellerDirectory } from "../../workers/catalog/sellers";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { atomically } from "../../workers/platform/db";
import { buildServices } from "../../workers/platform/services";

/**
 * Catalog data for tests, written through the catalog's own services (the same code the API runs), for
 * tests about reading the catalog rather than about writing it.
 */
export function catalogContext(): CatalogContext & { settled(): Promise<void> } {
  const pending: Promise<unknown>[] = [];
  const lifetime = { waitUntil: (promise: Promise<unknown>) => void pending.push(promise) };
  const config = loadConfig(env);
  const log = createLogger({ test: true });
  const services = buildServices(env, config, lifetime, log);
  return {
    db: services.db,
    services,
    media: env.MEDIA,
    stock: env.STOCK,
    cache: new CatalogReadCache(services.cache, lifetime.waitUntil, log),
    sellers: sellerDirectory(services),
    publicBaseUrl: config.PUBLIC_BASE_URL,
    log,
    settled: async () => {
      await Promise.allSettled(pending);
    },
  };
}

export function isbn(text: string): Isbn13 {
  const normalised = normalizeIsbn(text);
  if (!normalised) throw new Error(`test ISBN ${text} is not valid`);
  return normalised;
}

/** A valid ISBN-13 in the 979-8 range, distinct for each `n`. */
export function testIsbn(n: number): Isbn13 {
  const first12 = `9798${String(n).padStart(8, "0")}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return `${first12}${(10 - (sum % 10)) % 10}` as Isbn13;
}

export interface BookFixture {
  isbn: string;
  title: string;
  subtitle?: string;
  authors: string[];
  categories?: string[];
  format?: "hardcover" | "paperback";
  publishedYear?: number;
  language?: string;
  description?: string;
}

/** Adds editions (each with its own work) in one batch. `categories` are slugs. */
export async function addBooks(ctx: CatalogContext, books: BookFixture[]): Promise<void> {
  const slugs = [...new Set(books.flatMap((book) => book.categories ?? []))];
  const rows = slugs.length ? await ctx.db.select().from(categories).where(inArray(categories.slug, slugs)) : [];
  const idOf = new Map(rows.map((row) => [row.slug, row.id]));
  const planned = await planNewEditions(
    ctx,
    books.map((book) => ({
      isbn13: isbn(book.isbn),
      title: book.title,
      subtitle: book.subtitle,
      authors: book.authors,
      format: book.format,
      publishedYear: book.publishedYear,
      language: book.language,
      description: book.description,
      categoryIds: (book.categories ?? []).map((slug) => {
        const id = idOf.get(slug);
        if (!id) throw new Error(`no category ${slug}`);
        return id;
      }),
    })),
    Date.now(),
  );
  for (let i = 0; i < planned.statements.length; i += 50) {
    await atomically(ctx.db, planned.statements.slice(i, i + 50));
  }
}

/** Creates a category tree from [slug, name, parentSlug?] rows, parents first. */
export async function addCategories(
  ctx: CatalogContext,
  tree: [string, string, string?][],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [slug, name, parent] of tree) {
    const created = await createCategory(ctx, { slug, name, parentId: parent ? ids.get(parent) : null });
    ids.set(slug, created.id);
  }
  return ids;
}

let sellerCounter = 0;
export function fakeSellerId(): string {
  sellerCounter += 1;
  return `sel_${"f".repeat(24)}${sellerCounter.toString(16).padStart(8, "0")}`;
}

/** Lists a copy of an existing edition for a seller. */
export async function addListing(
  ctx: CatalogContext,
  sellerId: string,
  input: Partial<CreateListingInput> & { isbn: string },
) {
  return createListing(ctx, sellerId, {
    sku: `SKU-${crypto.randomUUID().slice(0, 8)}`,
    condition: "new",
    price: { amount: 1500, currency: "EUR" },
    quantity: 3,
    ...input,
  });
}
