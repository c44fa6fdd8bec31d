import { z } from "@hono/zod-openapi";
import type { ShippingAddress } from "../../schema/identity";
import { humanText } from "../http/schemas";

/**
 * Shipping addresses, checked per country: which fields are required and what a postal code looks like.
 * Countries without rules here get the generic checks only. Postal codes are stored in their canonical
 * spelling (upper case, the usual space), so orders and labels print them the same way.
 */
interface CountryRule {
  postalCode: RegExp;
  example: string;
  canonical?: (postalCode: string) => string;
  regionRequired?: string;
  regions?: ReadonlySet<string>;
}

const upper = (code: string) => code.toUpperCase().replace(/\s+/g, " ");
const spaceBeforeLast3 = (code: string) => {
  const compact = code.toUpperCase().replace(/\s+/g, "");
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
};

const US_STATES = new Set(
  (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK " +
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC AS GU MP PR VI UM AA AE AP"
  ).split(" "),
);
const CA_PROVINCES = new Set("AB BC MB NB NL NS NT NU ON PE QC SK YT".split(" "));

const COUNTRY_RULES: Record<string, CountryRule> = {
  US: {
    postalCode: /^\d{5}(-\d{4})?$/,
    example: "94103 or 94103-1234",
    regionRequired: "a state code such as CA",
    regions: US_STATES,
  },
  GB: {
    postalCode: /^(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})$/i,
    example: "SW1A 1AA",
    canonical: spaceBeforeLast3,
  },
  DE: { postalCode: /^\d{5}$/, example: "10115" },
  FR: { postalCode: /^\d{5}$/, example: "75001" },
  IN: {
    postalCode: /^[1-9]\d{2} ?\d{3}$/,
    example: "110001",
    canonical: (code) => code.replace(/\s+/g, ""),
    regionRequired: "the state, such as Maharashtra",
  },
  CA: {
    postalCode: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/i,
    example: "K1A 0B1",
    canonical: spaceBeforeLast3,
    regionRequired: "a province code such as ON",
    regions: CA_PROVINCES,
  },
};

const GENERIC_POSTAL_CODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,10}[A-Za-z0-9]$/;

const line = (max: number) => humanText(z.string().trim().min(1).max(max));

export const ShippingAddressSchema = z
  .object({
    name: line(100).openapi({ example: "Ada Lovelace" }),
    line1: line(200).openapi({ example: "10 Downing Street" }),
    line2: line(200).optional(),
    city: line(100).openapi({ example: "London" }),
    region: line(100).optional().openapi({ description: "State, province or county; required for US, CA and IN" }),
    postalCode: humanText(z.string().trim().min(1).max(16)).openapi({ example: "SW1A 2AA" }),
    country: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 code such as GB")
      .transform((code) => code.toUpperCase())
      .openapi({ example: "GB" }),
  })
  .transform((address, ctx) => {
    const rule = COUNTRY_RULES[address.country];
    const postalCode = address.postalCode.replace(/\s+/g, " ");
    if (!rule) {
      if (!GENERIC_POSTAL_CODE.test(postalCode)) {
        ctx.addIssue({ code: "custom", path: ["postalCode"], message: "is not a postal code" });
      }
      return { ...address, postalCode: upper(postalCode) };
    }
    if (!rule.postalCode.test(postalCode)) {
      ctx.addIssue({
        code: "custom",
        path: ["postalCode"],
        message: `is not a valid ${address.country} postal code (e.g. ${rule.example})`,
      });
    }
    let region = address.region;
    if (rule.regionRequired && !region) {
      ctx.addIssue({
        code: "custom",
        path: ["region"],
        message: `is required in ${address.country}: ${rule.regionRequired}`,
      });
    }
    if (region && rule.regions) {
      region = region.toUpperCase();
      if (!rule.regions.has(region)) {
        ctx.addIssue({
          code: "custom",
          path: ["region"],
          message: `is not a ${address.country} code (${rule.regionRequired})`,
        });
      }
    }
    const canonical = (rule.canonical ?? upper)(postalCode);
    return { ...address, ...(region ? { region } : {}), postalCode: canonical };
  })
  .openapi("ShippingAddress");

const ADDRESS_FIELDS = ["name", "line1", "line2", "city", "region", "postalCode", "country"] as const;

/**
 * A saved address's id, derived from its content (64-bit FNV-1a): stable while the address is unchanged, and
 * different once it is edited, so a checkout naming an id never ships to an address the buyer did not pick.
 */
export function addressId(address: ShippingAddress): string {
  const text = ADDRESS_FIELDS.map((field) => address[field] ?? "").join("\u001f");
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `adr_${hash.toString(16).padStart(16, "0")}`;
}
