import { z } from "@hono/zod-openapi";
import { humanText } from "../http/schemas";
import { EmailField } from "../identity";
import { idPattern } from "../lib/ids";
import { MoneySchema } from "../lib/money";

const Country = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 code such as DE")
  .transform((code) => code.toUpperCase())
  .openapi({ type: "string", example: "DE" });

export const SellerBody = z
  .object({
    storeName: humanText(z.string().trim().min(2).max(80)).openapi({ example: "Second Chapter Books" }),
    contactEmail: EmailField,
    shipsFrom: Country,
  })
  .openapi("BecomeSellerRequest");
export type SellerBody = z.infer<typeof SellerBody>;

/** What a seller may change of their profile: any of the fields of opening one, validated alike. */
export const SellerProfilePatch = SellerBody.partial()
  .extend({
    returnWindowDays: z.number().int().min(0).max(90).optional().openapi({
      description: "Days after delivery in which buyers may ask for a return; 0 accepts no returns",
      example: 14,
    }),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "send at least one of storeName, contactEmail, shipsFrom, returnWindowDays",
  })
  .openapi("SellerProfileUpdate");
export type SellerProfilePatch = z.infer<typeof SellerProfilePatch>;

export const SellerSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    storeName: z.string(),
    contactEmail: z.string(),
    shipsFrom: z.string(),
    returnWindowDays: z.number().int().openapi({ description: "Days after delivery buyers may ask for a return" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Seller");

export const SellerRatingSchema = z
  .object({
    average: z.number().nullable().openapi({ description: "Mean stars to one decimal; null before the first review" }),
    count: z.number().int(),
  })
  .openapi("SellerRating");

export const SellerIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("sel"), "a seller id (sel_…)")
    .openapi({ example: "sel_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

/** A seller's public store page: what buyers see of a store, never its contact email or account. */
export const SellerStoreSchema = z
  .object({
    id: z.string(),
    storeName: z.string(),
    shipsFrom: z.string(),
    memberSince: z.string().openapi({ description: "When the store opened" }),
    rating: SellerRatingSchema,
  })
  .openapi("SellerStore");

const RatePair = z
  .object({
    first: MoneySchema.openapi({ description: "The first copy sent to one address" }),
    additional: MoneySchema.openapi({ description: "Each further copy in the same parcel" }),
  })
  .openapi("ShippingRatePair");

export const ShippingRatesBody = z
  .object({
    countries: z
      .array(Country)
      .min(1)
      .max(250)
      .openapi({ example: ["DE", "FR", "AT"] }),
    domestic: RatePair,
    international: RatePair,
    express: RatePair.optional(),
  })
  .openapi("ShippingRatesRequest");
export type ShippingRatesBody = z.infer<typeof ShippingRatesBody>;

export const ShippingRatesSchema = z
  .object({
    sellerId: z.string(),
    domesticCountry: z
      .string()
      .openapi({ description: "The seller's ships-from country: the domestic rate applies there" }),
    countries: z
      .array(z.string())
      .nullable()
      .openapi({ description: "Where the seller ships; null for the marketplace default (every country)" }),
    domestic: RatePair,
    international: RatePair,
    express: RatePair.nullable(),
    source: z.enum(["seller", "default"]),
    updatedAt: z.string().nullable(),
  })
  .openapi("ShippingRates");

const line = (max: number) => humanText(z.string().trim().min(1).max(max));

export const LocationBody = z
  .object({
    name: line(80).openapi({ example: "Leipzig warehouse" }),
    country: Country,
    address: z.object({
      line1: line(120).openapi({ example: "Karl-Liebknecht-Str. 10" }),
      line2: line(120).optional(),
      postalCode: line(16).openapi({ example: "04107" }),
      city: line(80).openapi({ example: "Leipzig" }),
    }),
  })
  .openapi("SellerLocationRequest");
export type LocationBody = z.infer<typeof LocationBody>;

export const LocationPatch = LocationBody.partial()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: "send at least one of name, country, address",
  })
  .openapi("SellerLocationUpdate");

export const LocationIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("loc"), "a location id (loc_…)")
    .openapi({ example: "loc_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

export const LocationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    country: z.string(),
    address: z.object({
      line1: z.string(),
      line2: z.string().optional(),
      postalCode: z.string(),
      city: z.string(),
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("SellerLocation");
