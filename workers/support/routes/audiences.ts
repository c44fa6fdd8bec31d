import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../../http/context";
import { principalOf } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import type { Caller } from "../parties";

/** Who reads and writes tickets under a path: the buyer, a seller for the tickets addressed to them, support. */
export interface Audience {
  prefix: string;
  /** Prefixed to operation ids: `listSupportTickets`, `listSellerSupportTickets`, `listAdminSupportTickets`. */
  operation: "" | "Seller" | "Admin";
  role?: "seller" | "admin";
  middleware: MiddlewareHandler<AppEnv>[];
  whose: string;
  callerOf: (c: Context<AppEnv>) => Caller;
}

export const tags = ["Support"];

export const BUYER: Audience = {
  prefix: "/v1/support",
  operation: "",
  middleware: [],
  whose: "your tickets (another buyer's ticket is 404)",
  callerOf: (c) => ({ kind: "buyer", userId: principalOf(c).userId }),
};

export const SELLER: Audience = {
  prefix: "/v1/seller/support",
  operation: "Seller",
  role: "seller",
  middleware: [requireSeller],
  whose: "tickets buyers addressed to you about your seller orders (another seller's ticket is 404)",
  callerOf: (c) => ({ kind: "seller", userId: principalOf(c).userId, sellerId: callingSeller(c).id }),
};

export const ADMIN: Audience = {
  prefix: "/v1/admin/support",
  operation: "Admin",
  role: "admin",
  middleware: [],
  whose: "every ticket, answered as the marketplace's support",
  callerOf: (c) => ({ kind: "support", userId: principalOf(c).userId }),
};
