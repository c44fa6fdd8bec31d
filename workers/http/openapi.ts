import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context";

/** Every tag an operation may carry, in the order the reference shows them. */
const API_TAGS = [
  { name: "Catalog", description: "Browse and search editions, categories, listings, their price history and images." },
  {
    name: "Reviews",
    description: "Readers' reviews of books and their helpful votes; buyers' ratings of the sellers they bought from.",
  },
  { name: "Threads", description: "Readers' discussions of books, and following them to hear of new comments." },
  { name: "Comments", description: "Comments and replies, three levels deep, on threads and on reviews." },
  {
    name: "Book alerts",
    description: "A reader's alerts on a book: told once when a copy is for sale again, or offered below a price.",
  },
  { name: "Cart", description: "The buyer's cart: a guest cart (by cart token) or the signed-in account's." },
  { name: "Checkout", description: "Turn the cart into an order, hold its copies and start the payment." },
  { name: "Orders", description: "The buyer's orders: status, receipt and cancellation." },
  { name: "Refunds", description: "Refunds on paid orders, by the seller of the lines or an admin." },
  {
    name: "Returns",
    description: "Buyers send delivered copies back within the seller's window; sellers (or admins) decide and refund.",
  },
  {
    name: "Support",
    description:
      "Support tickets: buyers ask a seller (about a seller order) or the marketplace's support; files, escalation, rating.",
  },
  { name: "Identity", description: "Accounts, login, tokens, email verification and password reset." },
  { name: "Account", description: "The signed-in account: profile, password, sessions, deletion." },
  {
    name: "Live",
    description: "The signed-in account's live channel: a WebSocket of order, sale and listing updates, by ticket.",
  },
  {
    name: "Notification channels",
    description:
      "Where notices reach the account beyond mail: a phone number verified for SMS, Web Push subscriptions.",
  },
  {
    name: "Notifications",
    description: "The in-app feed, notification preferences per category and channel, and one-click unsubscribe.",
  },
  {
    name: "Sellers",
    description:
      "Open a seller profile for the signed-in account, read and edit the store's profile; any store's public page.",
  },
  {
    name: "Recommendations",
    description: "Books bought together and also viewed, rebuilt daily; a signed-in reader's own recommendations.",
  },
  { name: "Seller listings", description: "A seller's listings, their photos and CSV imports." },
  { name: "Seller orders", description: "A seller's part of buyers' orders: shipments and deliveries." },
  {
    name: "Seller payouts",
    description: "A seller's payout account, their ledger and balances, and the transfers to them.",
  },
  { name: "Seller shipping", description: "Where a seller ships to and what it charges." },
  { name: "Seller locations", description: "The places a seller ships from; a listing's shipping is quoted from one." },
  {
    name: "Seller reports",
    description: "A seller's sales report and weekly report with their rank (JSON or CSV), and dashboard figures.",
  },
  { name: "Seller print jobs", description: "The covers printed for a seller's lines, with their status." },
  {
    name: "Seller promotions",
    description: "A seller's promotions on its own listings (seller-funded): codes, automatic offers, bundles.",
  },
  { name: "Payments", description: "Payment events from the payment provider." },
  { name: "Catalog administration", description: "The category tree, kept by admins." },
  {
    name: "Promotions administration",
    description: "The marketplace's own promotions (platform-funded), and every seller's, to oversee.",
  },
  { name: "Reports", description: "Readers report reviews, comments and threads that break the rules." },
  { name: "Admin", description: "The security audit log and the moderation queue, for admins." },
  {
    name: "Admin reports",
    description:
      "The marketplace's weekly reports (JSON or CSV): sales, pricing, popular books, engagement, reviews, sellers.",
  },
  {
    name: "Tax administration",
    description: "The tax rates per destination country (or US state) and tax class, kept by admins.",
  },
  { name: "Operations", description: "Health, dead letters, reconciliation and the delivery log, for operators." },
  {
    name: "Development",
    description: "Development-only tools (mailbox, SMS and push log, payment simulator): unknown in production.",
  },
];

type Json = unknown;

/**
 * The generator emits a nullable registered schema as `allOf: [{$ref}, {type: [..., "null"]}]`, which no value
 * satisfies when it is null (the $ref still demands an object); say `anyOf: [{$ref}, {type: "null"}]` instead.
 */
function nullableRefsAsAnyOf(node: Json): Json {
  if (Array.isArray(node)) return node.map(nullableRefsAsAnyOf);
  if (node === null || typeof node !== "object") return node;
  const { allOf, ...rest } = node as Record<string, Json>;
  const [ref, nullable, ...more] = Array.isArray(allOf) ? allOf : [];
  if (more.length === 0 && isRef(ref) && isNullType(nullable)) {
    const { type: _type, ...annotations } = nullable as Record<string, Json>;
    return nullableRefsAsAnyOf({ anyOf: [ref, { type: "null" }], ...annotations, ...rest });
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, nullableRefsAsAnyOf(value)]));
}

const isRef = (schema: Json) =>
  typeof schema === "object" && schema !== null && Object.keys(schema).length === 1 && "$ref" in schema;

/** `{type: [T, "null"]}` with nothing but annotations beside it: the generator's marker for `.nullable()`. */
function isNullType(schema: Json) {
  if (typeof schema !== "object" || schema === null) return false;
  const { type, ...others } = schema as Record<string, Json>;
  const annotations = ["description", "example", "examples", "title", "deprecated"];
  return Array.isArray(type) && type.includes("null") && Object.keys(others).every((key) => annotations.includes(key));
}

/** The tags the document's operations carry, so an app with fewer routes (the read server) lists only its own. */
function usedTags(paths: Record<string, Record<string, Json>> = {}) {
  const used = new Set(
    Object.values(paths).flatMap((item) =>
      Object.values(item).flatMap((operation) => (operation as { tags?: string[] }).tags ?? []),
    ),
  );
  return API_TAGS.filter((tag) => used.has(tag.name));
}

/** The OpenAPI 3.1 document of `app`, as clients generate from it. */
export function openApiDocument(app: OpenAPIHono<AppEnv>, publicBaseUrl: string) {
  const document = app.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "Book Bazaar API",
      version: "1.0.0",
      description:
        "A marketplace for new and second-hand books. Errors are RFC 9457 problem+json with a stable `code` and the request id.",
    },
    servers: [{ url: publicBaseUrl, description: "This deployment" }],
    tags: API_TAGS,
  });
  document.tags = usedTags(document.paths as Record<string, Record<string, Json>> | undefined);
  return nullableRefsAsAnyOf(document) as typeof document;
}
