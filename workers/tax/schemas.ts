import { z } from "@hono/zod-openapi";
import { TAX_CLASSES } from "../../schema/tax";
import { humanText } from "../http/schemas";
import { idPattern } from "../lib/ids";
import { MAX_RATE } from "./service";

export const TaxClassSchema = z
  .enum(TAX_CLASSES)
  .openapi({ description: "books: the books and their shipping; standard: cover options (a service)" });

export const TaxRateSchema = z
  .object({
    id: z.string(),
    destination: z.string().openapi({ description: "The country (DE), or a region of it as ISO 3166-2 (US-CA)" }),
    country: z.string().openapi({ example: "DE" }),
    region: z.string().nullable().openapi({ description: "The region (a US state); null for the whole country" }),
    taxClass: TaxClassSchema,
    rate: z.number().int().openapi({ description: "Basis points: 700 is 7%", example: 700 }),
    name: z.string().openapi({ example: "DE VAT 7% (books)" }),
    updatedBy: z.string().openapi({ description: "The admin's user id, or `seed` for a rate as first seeded" }),
    updatedAt: z.string(),
  })
  .openapi("TaxRate");
export type TaxRateBody = z.infer<typeof TaxRateSchema>;

export const TaxRateListSchema = z.object({ items: z.array(TaxRateSchema) }).openapi("TaxRateList");

const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 code such as DE")
  .transform((code) => code.toUpperCase());

export const TaxRatesQuery = z.object({
  country: countryCode
    .optional()
    .openapi({ type: "string", example: "US", description: "One country's rates, its regions' included" }),
  taxClass: TaxClassSchema.optional(),
});

export const TaxRateDestinationParams = z.object({
  destination: z
    .string()
    .regex(/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/, "a country code (DE) or a country and region (US-CA)")
    .openapi({
      param: { name: "destination", in: "path" },
      example: "DE",
      description: "ISO 3166-1 alpha-2 (DE), or ISO 3166-2 for a region that taxes on its own (US-CA)",
    }),
  taxClass: TaxClassSchema.openapi({ param: { name: "taxClass", in: "path" }, example: "books" }),
});

export const SetTaxRateBody = z
  .object({
    rate: z
      .number()
      .int()
      .openapi({
        minimum: 0,
        maximum: MAX_RATE,
        example: 700,
        description: `Basis points, 0 to ${MAX_RATE} (700 is 7%); outside that range is 422`,
      }),
    name: humanText(z.string().trim().min(1).max(80)).openapi({
      example: "DE VAT 7% (books)",
      description: "Shown on receipts beside the tax of this rate",
    }),
  })
  .openapi("SetTaxRate");
export type SetTaxRateBody = z.infer<typeof SetTaxRateBody>;

export const TaxRateIdParams = z.object({
  taxRateId: z
    .string()
    .regex(idPattern("txr"), "a tax rate id (txr_…)")
    .openapi({ param: { name: "taxRateId", in: "path" } }),
});
