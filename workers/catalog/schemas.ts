import { z } from "@hono/zod-openapi";
import { humanText, PageQuery } from "../http/schemas";
import { idPattern } from "../lib/ids";
import { MoneySchema } from "../lib/money";
import { SellerRatingSchema } from "../sellers";
import {
  BOOK_SORTS,
  COVER_OPTION_KINDS,
  EDITION_FORMATS,
  LISTING_CONDITIONS,
  LISTING_STATUSES,
  type ListingCondition,
  SALE_PRICE_STATES,
  SELLER_LISTING_SORTS,
} from "./model";

/** Request and response shapes of the catalog API, shared by its route files and their tests. */

export const IsbnParam = z.object({
  isbn: z
    .string()
    .min(10)
    .max(24)
    .openapi({ param: { name: "isbn", in: "path" }, example: "978-0-261-10221-7" }),
});

const ListingId = z.string().regex(/^lst_[0-9a-f]{32}$/, "a listing id (lst_…)");
const PhotoId = z.string().regex(/^pho_[0-9a-f]{32}$/, "a photo id (pho_…)");
const SalePriceId = z.string().regex(/^lsp_[0-9a-f]{32}$/, "a sale price id (lsp_…)");

export const ListingIdParam = z.object({ id: ListingId.openapi({ param: { name: "id", in: "path" } }) });

export const PhotoIdParam = ListingIdParam.extend({
  photoId: PhotoId.openapi({ param: { name: "photoId", in: "path" } }),
});

export const SalePriceIdParam = ListingIdParam.extend({
  salePriceId: SalePriceId.openapi({ param: { name: "salePriceId", in: "path" } }),
});

export const ImportIdParam = z.object({
  id: z
    .string()
    .regex(/^imp_[0-9a-f]{32}$/, "an import id (imp_…)")
    .openapi({ param: { name: "id", in: "path" } }),
});

const stars = z.number().int().nonnegative();
/** A work's rating from its published reviews, the same on every edition of it. */
export const RatingSummarySchema = z
  .object({
    average: z.number().nullable().openapi({ description: "Mean stars to one decimal; null with no reviews" }),
    count: z.number().int(),
    distribution: z.object({ "1": stars, "2": stars, "3": stars, "4": stars, "5": stars }),
  })
  .openapi("RatingSummary");

/** The regular price beside a sale price in force (shown struck through); null when no sale runs. */
const ListPrice = MoneySchema.nullable().openapi({
  description: "The regular price while a sale price is in force (`price` is then the sale price); null otherwise.",
});

const SaleEndsAt = z.string().nullable().openapi({
  description: "When the sale price in force ends (the regular price is back from then); null with no sale.",
});

const LowestListPrice = MoneySchema.nullable().openapi({
  description: "When the lowest price is a sale price, the regular price of that offer (shown struck through).",
});

const BookSummarySchema = z
  .object({
    isbn13: z.string(),
    title: z.string(),
    subtitle: z.string().nullable(),
    authors: z.array(z.string()),
    format: z.enum(EDITION_FORMATS),
    language: z.string(),
    publishedYear: z.number().int().nullable(),
    coverImageUrl: z.string().nullable(),
    lowestPrice: MoneySchema.nullable(),
    lowestListPrice: LowestListPrice,
    offerCount: z.number().int(),
    rating: RatingSummarySchema,
  })
  .openapi("BookSummary");

const csvList = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((text) => text.split(",").map((part) => part.trim()))
    .pipe(z.array(z.enum(values)).min(1));

const conditionList = () =>
  csvList(LISTING_CONDITIONS as unknown as [ListingCondition, ...ListingCondition[]])
    .optional()
    .openapi({ type: "string", description: "Comma-separated conditions, e.g. `new,like_new`.", example: "new" });

export const BooksQuery = z.object({
  q: z.string().trim().max(200).optional().openapi({ example: "the hobit" }),
  category: z
    .string()
    .max(80)
    .optional()
    .openapi({ description: "A category slug; editions in its subcategories are included." }),
  condition: conditionList(),
  minPrice: z.coerce.number().int().nonnegative().optional().openapi({ description: "Minor units." }),
  maxPrice: z.coerce.number().int().nonnegative().optional().openapi({ description: "Minor units." }),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, "a two-letter ISO 639-1 code")
    .optional(),
  format: z.enum(EDITION_FORMATS).optional(),
  inStock: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  sort: z.enum(BOOK_SORTS).default("relevance"),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});

export type BooksQueryInput = z.infer<typeof BooksQuery>;

export const BookPageSchema = z
  .object({
    items: z.array(BookSummarySchema),
    nextCursor: z.string().nullable(),
    correctedQuery: z
      .string()
      .optional()
      .openapi({ description: "Set when misspelt words were also searched as corrected, e.g. `the hobbit`." }),
  })
  .openapi("BookPage");

export const SuggestionSchema = z
  .object({ kind: z.enum(["title", "author"]), text: z.string(), isbn13: z.string().optional() })
  .openapi("Suggestion");

const CoverOptionSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(COVER_OPTION_KINDS),
    price: MoneySchema,
    maxLength: z.number().int().nullable().openapi({ description: "Longest inscription, for inscriptions." }),
  })
  .openapi("CoverOption");

export const PhotoSchema = z.object({ id: z.string(), url: z.string(), contentType: z.string() }).openapi("Photo");

/** Who sells a copy: the store and its buyers' rating (sellers' module). */
const OfferSellerSchema = z
  .object({ id: z.string(), storeName: z.string(), rating: SellerRatingSchema })
  .openapi("OfferSeller");

const OfferSchema = z
  .object({
    listingId: z.string(),
    seller: OfferSellerSchema,
    condition: z.enum(LISTING_CONDITIONS),
    conditionNotes: z.string().nullable(),
    price: MoneySchema,
    listPrice: ListPrice,
    saleEndsAt: SaleEndsAt,
    available: z.number().int(),
    coverOptions: z.array(CoverOptionSchema),
    photos: z.array(PhotoSchema),
  })
  .openapi("Offer");

export const CategoryRefSchema = z.object({ slug: z.string(), name: z.string() }).openapi("CategoryRef");

export const BookDetailSchema = z
  .object({
    isbn13: z.string(),
    isbn10: z.string().nullable(),
    format: z.enum(EDITION_FORMATS),
    publisher: z.string().nullable(),
    publishedYear: z.number().int().nullable(),
    language: z.string(),
    pageCount: z.number().int().nullable(),
    description: z.string().nullable(),
    coverImageUrl: z.string().nullable(),
    work: z.object({
      id: z.string(),
      title: z.string(),
      subtitle: z.string().nullable(),
      authors: z.array(z.string()),
      subjects: z.array(z.string()),
    }),
    categories: z.array(CategoryRefSchema.extend({ path: z.array(CategoryRefSchema) })),
    lowestPrice: MoneySchema.nullable(),
    lowestListPrice: LowestListPrice,
    offerCount: z.number().int(),
    offers: z.array(OfferSchema),
    rating: RatingSummarySchema,
    boughtTogether: z
      .array(
        z.object({
          isbn13: z.string().length(13),
          title: z.string(),
          lowestPrice: MoneySchema.openapi({ description: "Its lowest price in force." }),
        }),
      )
      .max(4)
      .openapi({
        description:
          "Up to 4 editions readers bought with this one, for sale now (the daily recommendations; the full " +
          "lists are at `/v1/books/{isbn}/recommendations`).",
      }),
  })
  .openapi("BookDetail");

export const ListingSchema = z
  .object({
    id: z.string(),
    sellerId: z.string(),
    isbn13: z.string(),
    title: z.string(),
    authors: z.array(z.string()),
    sku: z.string(),
    condition: z.enum(LISTING_CONDITIONS),
    conditionNotes: z.string().nullable(),
    price: MoneySchema.openapi({ description: "The price in force: a sale price while one runs." }),
    listPrice: ListPrice,
    saleEndsAt: SaleEndsAt,
    quantity: z.number().int(),
    available: z.number().int(),
    status: z.enum(LISTING_STATUSES),
    lowStockThreshold: z
      .number()
      .int()
      .openapi({ description: "Copies available at or below which `StockLow` is emitted; 0 = off." }),
    locationId: z.string().nullable().openapi({ description: "Where it ships from; null: the profile's country" }),
    coverOptions: z.array(CoverOptionSchema),
    photos: z.array(PhotoSchema).openapi({ description: "In the seller's order." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Listing");

export const ListingPageSchema = z.object({ items: z.array(ListingSchema), nextCursor: z.string().nullable() });

export const PublicListingSchema = ListingSchema.omit({ sku: true, quantity: true, lowStockThreshold: true })
  .extend({ seller: OfferSellerSchema })
  .openapi("PublicListing");

export const PricePointSchema = z.object({ price: MoneySchema, changedAt: z.string() }).openapi("PricePoint");

const SaleMoment = z.iso.datetime({ offset: true });

export const SalePriceBody = z
  .object({
    price: MoneySchema.openapi({ description: "The sale price: below the listing's regular price." }),
    from: SaleMoment.openapi({
      description: "When the sale starts, rounded down to the minute; at most a minute in the past.",
      example: "2026-12-24T00:00:00Z",
    }),
    until: SaleMoment.openapi({
      description: "When the regular price is back, rounded down to the minute; after `from`.",
      example: "2026-12-27T00:00:00Z",
    }),
  })
  .openapi("SalePriceInput");

export type SalePriceInput = z.infer<typeof SalePriceBody>;

export const SalePriceSchema = z
  .object({
    id: z.string(),
    listingId: z.string(),
    price: MoneySchema,
    from: z.string(),
    until: z.string().openapi({ description: "Its end: the moment asked for, or when it was ended early." }),
    state: z.enum(SALE_PRICE_STATES).openapi({
      description:
        "`scheduled` until the minute job starts it, `in_force` while the listing sells at it, then `ended`.",
    }),
    createdAt: z.string(),
  })
  .openapi("SalePrice");

export const SalePricePageSchema = z
  .object({ items: z.array(SalePriceSchema), nextCursor: z.string().nullable() })
  .openapi("SalePricePage");

export const CategoryNodeSchema: z.ZodType<CategoryNode> = z
  .lazy(() =>
    z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      editionCount: z.number().int(),
      children: z.array(CategoryNodeSchema),
    }),
  )
  .openapi("CategoryNode", { type: "object" });

export interface CategoryNode {
  id: string;
  slug: string;
  name: string;
  editionCount: number;
  children: CategoryNode[];
}

export const CoverOptionInput = z
  .object({
    id: z.string().optional().openapi({ description: "Set to update an existing option (PATCH only)." }),
    name: humanText(z.string().trim().min(1).max(80)),
    kind: z.enum(COVER_OPTION_KINDS),
    price: MoneySchema,
    maxLength: z.number().int().min(1).max(200).optional(),
  })
  .openapi("CoverOptionInput");

export const CreateListingBody = z
  .object({
    isbn: z.string().min(10).max(24),
    sku: z.string().trim().min(1).max(64),
    condition: z.enum(LISTING_CONDITIONS),
    conditionNotes: humanText(z.string().trim().max(1000), { multiline: true }).optional(),
    price: MoneySchema,
    quantity: z.number().int().min(0).max(100_000),
    lowStockThreshold: z.number().int().min(0).max(100_000).optional().openapi({
      description:
        "Emit `StockLow` when a sale or recount takes the copies available to this many or fewer; 0 (the default) never does.",
    }),
    coverOptions: z
      .array(CoverOptionInput.omit({ id: true }))
      .max(20)
      .optional(),
    title: humanText(z.string().trim().min(1).max(300)).optional(),
    authors: z
      .array(humanText(z.string().trim().min(1).max(120)))
      .min(1)
      .max(20)
      .optional(),
    categories: z
      .array(z.string().max(80))
      .max(5)
      .optional()
      .openapi({ description: "Category slugs, used only when this listing creates a new edition." }),
    format: z.enum(EDITION_FORMATS).optional().openapi({
      description: "The new edition's format (paperback if not given); used only when this listing creates one.",
    }),
    locationId: z.string().regex(idPattern("loc"), "a location id (loc_…)").optional().openapi({
      description: "One of your locations (POST /v1/seller/locations): shipping is quoted from its country",
    }),
  })
  .openapi("CreateListing");

export type CreateListingInput = z.infer<typeof CreateListingBody>;

export const UpdateListingBody = z
  .object({
    condition: z.enum(LISTING_CONDITIONS).optional(),
    conditionNotes: humanText(z.string().trim().max(1000), { multiline: true }).nullable().optional(),
    price: MoneySchema.optional(),
    quantity: z.number().int().min(0).max(100_000).optional(),
    lowStockThreshold: z.number().int().min(0).max(100_000).optional().openapi({
      description:
        "Emit `StockLow` when a sale or recount takes the copies available to this many or fewer; 0 (the default) never does.",
    }),
    status: z.enum(["active", "paused"]).optional(),
    locationId: z
      .string()
      .regex(idPattern("loc"), "a location id (loc_…)")
      .nullable()
      .optional()
      .openapi({ description: "One of your locations, or null to ship from your profile's country again" }),
    coverOptions: z.array(CoverOptionInput).max(20).optional().openapi({
      description: "The full set: options with an id are kept and updated, others added, missing removed.",
    }),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "nothing to change")
  .openapi("UpdateListing");

export type UpdateListingInput = z.infer<typeof UpdateListingBody>;

export const SellerListingsQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional().openapi({
    description:
      "Part of the title or SKU, or an ISBN (10 or 13, hyphens allowed, or some of its digits); empty searches nothing.",
  }),
  status: z.enum(LISTING_STATUSES).optional(),
  condition: conditionList(),
  lowStock: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .openapi({ description: "`true`: only listings whose copies available are at or below their threshold (> 0)." }),
  sort: z.enum(SELLER_LISTING_SORTS).default("newest").openapi({
    description:
      "`newest` (default), `oldest`, `title`, `price` (cheapest first), `-price`, `quantity` (fewest first).",
  }),
  cursor: z
    .string()
    .max(2048)
    .optional()
    .openapi({ description: "The previous page's `nextCursor`, with the same `sort`." }),
});

export type SellerListingsQueryInput = z.infer<typeof SellerListingsQuery>;

export const ListingsStatusBody = z
  .object({
    ids: z.array(ListingId).min(1).max(100),
    status: z.enum(["active", "paused"]),
  })
  .openapi("ListingsStatusChange");

export type ListingsStatusInput = z.infer<typeof ListingsStatusBody>;

export const ListingsStatusResultSchema = z
  .object({
    results: z.array(
      z.object({
        id: z.string(),
        result: z.enum(["updated", "not_found"]),
        status: z.enum(LISTING_STATUSES).optional().openapi({ description: "The listing's status now, when updated." }),
      }),
    ),
  })
  .openapi("ListingsStatusResult");

export const PhotoOrderBody = z
  .object({
    photoIds: z.array(PhotoId).max(12).openapi({ description: "Every photo of the listing, first shown first." }),
  })
  .openapi("PhotoOrder");

export const PhotoListSchema = z.object({ photos: z.array(PhotoSchema) }).openapi("PhotoList");

export const ImportStatusSchema = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "processing", "completed"]),
    rowsTotal: z.number().int(),
    rowsDone: z.number().int().openapi({ description: "Rows processed so far, including rows that failed." }),
    rowsFailed: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int().openapi({ description: "The row as a spreadsheet numbers it (the header is row 1)." }),
        field: z.string(),
        message: z.string(),
      }),
    ),
    createdAt: z.string(),
  })
  .openapi("ImportStatus");

export const ImportSummarySchema = ImportStatusSchema.omit({ errors: true }).openapi("ImportSummary");

export const ImportPageSchema = z
  .object({ items: z.array(ImportSummarySchema), nextCursor: z.string().nullable() })
  .openapi("ImportPage");
