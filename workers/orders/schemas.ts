import { z } from "@hono/zod-openapi";
import { ORDER_STATUSES, SELLER_ORDER_STATUSES } from "../../schema/orders";
import { CalendarDate, PageQuery } from "../http/schemas";
import { AddressViewFields, ShippingAddressSchema } from "../identity";
import { idPattern } from "../lib/ids";
import { MoneySchema } from "../lib/money";

/** Request and response shapes of the orders routes; the OpenAPI document is generated from these. */

/** Writes that move money or stock (checkout, refunds) take one; see workers/http/middleware/idempotency.ts. */
export const IdempotencyHeader = z.object({
  "idempotency-key": z.string().openapi({
    description: "8–128 letters, digits or _.:-; the same key and body replay the first answer for 24 hours",
    example: "checkout-3f9a2c1e",
  }),
});

export const CheckoutBody = z
  .object({
    shippingAddress: ShippingAddressSchema.optional(),
    addressId: z
      .string()
      .regex(/^adr_[0-9a-f]{16}$/, "an address id from GET /v1/me")
      .optional()
      .openapi({ description: "One of your saved addresses (GET /v1/me); or send `shippingAddress`" }),
    shippingMethod: z.enum(["standard", "express"]).default("standard"),
  })
  .refine((body) => (body.shippingAddress === undefined) !== (body.addressId === undefined), {
    message: "send either shippingAddress or addressId",
    path: ["shippingAddress"],
  })
  .openapi("CheckoutRequest");
export type CheckoutBody = z.infer<typeof CheckoutBody>;

export const OrderIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("ord"), "an order id (ord_…)")
    .openapi({ example: "ord_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

const AddressView = AddressViewFields.openapi("OrderAddress");

export const LineDiscountSchema = z
  .object({
    promotionId: z.string(),
    code: z.string().nullable().openapi({ description: "The code entered; null for an automatic promotion" }),
    name: z.string(),
    fundedBy: z.enum(["seller", "platform"]).openapi({
      description: "seller: taken off the seller's proceeds; platform: the marketplace pays it, the seller earns it",
    }),
    amount: MoneySchema,
  })
  .openapi("LineDiscount");

const TaxLineSchema = z
  .object({
    taxClass: z.enum(["books", "standard"]).openapi({
      description: "books: books and the shipping that goes with them; standard: cover options",
    }),
    rate: z.number().int().openapi({ description: "Basis points: 700 is 7%", example: 700 }),
    name: z.string().openapi({ example: "DE VAT 7% (books)" }),
    taxable: MoneySchema.openapi({ description: "What was charged at this rate, tax included" }),
    tax: MoneySchema.openapi({ description: "The tax in it: taxable × rate / (10000 + rate), rounded" }),
  })
  .openapi("TaxLine");

export const TaxSchema = z
  .object({ lines: z.array(TaxLineSchema), total: MoneySchema })
  .openapi("TaxBreakdown", { description: "Prices include tax: the tax in a total, per rate" });

const OrderTaxSchema = TaxSchema.extend({
  country: z.string().openapi({ description: "The country the tax was charged for (the shipping address's)" }),
}).openapi("OrderTax");

/** Who funds a total's discounts (the three are Money). */
const Funding = {
  discountTotal: MoneySchema.openapi({ description: "Every promotion's discount on the books" }),
  sellerFundedDiscount: MoneySchema.openapi({ description: "Of it, what the sellers' own promotions take" }),
  platformFundedDiscount: MoneySchema.openapi({ description: "Of it, what the marketplace pays" }),
};

export const LineSchema = z
  .object({
    id: z.string(),
    listingId: z.string(),
    title: z.string(),
    isbn13: z.string(),
    condition: z.string(),
    quantity: z.number().int(),
    unitPrice: MoneySchema,
    cover: z.object({ id: z.string(), name: z.string(), price: MoneySchema }).nullable(),
    inscription: z.string().nullable(),
    discounts: z.array(LineDiscountSchema).openapi({ description: "Each promotion's share of this line" }),
    discountTotal: MoneySchema,
    grossTotal: MoneySchema.openapi({ description: "(unit price + cover price) × quantity, before discounts" }),
    lineTotal: MoneySchema.openapi({ description: "What was paid for the line: the gross total less its discounts" }),
    refunded: MoneySchema,
    refundedQuantity: z.number().int(),
  })
  .openapi("OrderLine");

const ShipmentSchema = z
  .object({
    carrier: z.string(),
    trackingNumber: z.string(),
    trackingUrl: z.string().nullable(),
    shippedAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi("Shipment");

const SellerOrderTotals = z.object({
  items: MoneySchema,
  covers: MoneySchema,
  shipping: MoneySchema,
  discount: MoneySchema.openapi({ description: "items + covers + shipping − discount = total" }),
  total: MoneySchema,
  refunded: MoneySchema,
});

export const RefundSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    state: z.enum(["pending", "succeeded"]).openapi({ description: "pending while the provider is being asked" }),
    amount: MoneySchema.openapi({ description: "0 for copies that were free (nothing goes back to the card)" }),
    tax: MoneySchema.openapi({ description: "The tax included in the amount" }),
    reason: z.string(),
    restocked: z.boolean(),
    sellerOrderIds: z.array(z.string()),
    lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int(), amount: MoneySchema })),
    goodwill: MoneySchema.openapi({ description: "What the marketplace gave as goodwill, charged to no seller" }),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi("Refund");

export const OrderSchema = z
  .object({
    id: z.string(),
    status: z.enum(ORDER_STATUSES),
    currency: z.string(),
    totals: z.object({
      items: MoneySchema,
      covers: MoneySchema,
      shipping: MoneySchema,
      discount: MoneySchema.openapi({ description: "items + covers + shipping − discount = total" }),
      tax: MoneySchema.openapi({ description: "Prices include tax: the part of the total that is tax" }),
      total: MoneySchema,
      refunded: MoneySchema,
    }),
    ...Funding,
    tax: OrderTaxSchema,
    shippingAddress: AddressView,
    shippingMethod: z.enum(["standard", "express"]),
    holdExpiresAt: z.string().openapi({ description: "Unpaid orders expire, and their copies go back on sale, then" }),
    paidAt: z.string().nullable(),
    completedAt: z.string().nullable().openapi({ description: "When every seller order completed" }),
    cancelReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sellerOrders: z.array(
      z.object({
        id: z.string(),
        sellerId: z.string(),
        storeName: z.string(),
        status: z.enum(SELLER_ORDER_STATUSES),
        totals: SellerOrderTotals,
        ...Funding,
        tax: TaxSchema,
        lines: z.array(LineSchema),
        shipment: ShipmentSchema.nullable(),
        returnWindowEndsAt: z
          .string()
          .nullable()
          .openapi({ description: "Returns can be asked for until then (set at delivery)" }),
        completedAt: z
          .string()
          .nullable()
          .openapi({ description: "Delivered, the return window over, no return open" }),
      }),
    ),
    refunds: z.array(RefundSchema),
    history: z.array(
      z.object({
        sellerOrderId: z.string().nullable(),
        from: z.string().nullable(),
        to: z.string(),
        actor: z.string().openapi({ description: "buyer, seller, admin or system" }),
        reason: z.string().nullable(),
        at: z.string(),
      }),
    ),
  })
  .openapi("Order");

export const CheckoutReply = z
  .object({
    order: OrderSchema,
    payment: z.object({
      id: z.string(),
      provider: z.enum(["stripe", "simulated"]),
      clientSecret: z
        .string()
        .nullable()
        .openapi({ description: "For the storefront's payment form (Stripe Payment Element)" }),
    }),
  })
  .openapi("CheckoutResult");

const OrderTotals = OrderSchema.shape.totals;

const OrderSummarySchema = z
  .object({
    id: z.string(),
    status: z.enum(ORDER_STATUSES),
    totals: OrderTotals,
    itemCount: z.number().int(),
    titles: z.array(z.string()),
    createdAt: z.string(),
    paidAt: z.string().nullable(),
  })
  .openapi("OrderSummary");

export const OrderPage = z.object({ items: z.array(OrderSummarySchema), nextCursor: z.string().nullable() });

export const ReceiptSchema = z
  .object({
    receiptNumber: z.string(),
    orderId: z.string(),
    status: z.enum(ORDER_STATUSES),
    paidAt: z.string(),
    billedTo: z.string(),
    sellers: z.array(
      z.object({
        storeName: z.string(),
        lines: z.array(
          z.object({
            title: z.string(),
            isbn13: z.string(),
            quantity: z.number().int(),
            unitPrice: MoneySchema,
            cover: z.string().nullable(),
            coverPrice: MoneySchema,
            grossTotal: MoneySchema,
            discounts: z.array(LineDiscountSchema),
            discountTotal: MoneySchema,
            lineTotal: MoneySchema.openapi({ description: "Paid for the line: gross total − discounts" }),
          }),
        ),
        shipping: MoneySchema,
        discountTotal: MoneySchema,
        tax: TaxSchema,
        total: MoneySchema.openapi({ description: "The store's line totals plus its shipping" }),
      }),
    ),
    totals: OrderTotals,
    tax: OrderTaxSchema.openapi({ description: "The VAT in the total per rate: the stores' added up" }),
    payment: z.object({ provider: z.enum(["stripe", "simulated"]), captured: MoneySchema }).nullable(),
    refunds: z.array(RefundSchema),
    netPaid: MoneySchema,
    netTax: MoneySchema.openapi({ description: "The tax in what was kept: the total's tax less the refunds' tax" }),
  })
  .openapi("Receipt");

export const CancelBody = z
  .object({ reason: z.string().trim().min(1).max(200).optional() })
  .openapi("CancelOrderRequest");

export const SellerOrderIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("sor"), "a seller order id (sor_…)")
    .openapi({ example: "sor_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

export const SellerOrderSchema = z
  .object({
    id: z.string(),
    orderId: z.string(),
    status: z.enum(SELLER_ORDER_STATUSES),
    totals: SellerOrderTotals,
    ...Funding,
    tax: TaxSchema,
    proceeds: MoneySchema.openapi({
      description: "What this part earns before fees: the total plus the discounts the marketplace funds",
    }),
    lines: z.array(LineSchema),
    shippingMethod: z.enum(["standard", "express"]),
    shipTo: AddressView.nullable().openapi({ description: "Where to send it, while there is something to send" }),
    shipment: ShipmentSchema.nullable(),
    paidAt: z.string().nullable(),
    returnWindowEndsAt: z
      .string()
      .nullable()
      .openapi({ description: "Returns can be asked for until then (set at delivery)" }),
    completedAt: z.string().nullable().openapi({ description: "Delivered, the return window over, no return open" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("SellerOrder");

export const SellerOrderPage = z.object({ items: z.array(SellerOrderSchema), nextCursor: z.string().nullable() });

export const SellerOrdersQuery = PageQuery.extend({
  status: z.enum(SELLER_ORDER_STATUSES).optional(),
  toShip: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .openapi({
      type: "string",
      description: "`true`: only seller orders still to send (paid or partially refunded, no shipment yet)",
    }),
});
export type SellerOrdersQuery = z.infer<typeof SellerOrdersQuery>;

const SellerRefundSchema = z
  .object({
    id: z.string(),
    state: z.enum(["pending", "succeeded"]),
    amount: MoneySchema.openapi({ description: "What of the refund was charged to this seller order" }),
    tax: MoneySchema.openapi({ description: "The tax included in that amount" }),
    reason: z.string(),
    restocked: z.boolean(),
    lines: z.array(z.object({ lineId: z.string(), quantity: z.number().int(), amount: MoneySchema })),
    createdAt: z.string(),
    completedAt: z.string().nullable(),
  })
  .openapi("SellerOrderRefund");

export const SellerOrderDetailSchema = SellerOrderSchema.extend({
  history: z.array(
    z.object({
      from: z.string().nullable(),
      to: z.string(),
      actor: z.string().openapi({ description: "buyer, seller, admin or system" }),
      reason: z.string().nullable(),
      at: z.string(),
    }),
  ),
  refunds: z.array(SellerRefundSchema),
}).openapi("SellerOrderDetail");

export const ShipmentBody = z
  .object({
    carrier: z.string().trim().min(1).max(60).openapi({ example: "DHL" }),
    trackingNumber: z.string().trim().min(3).max(80).openapi({ example: "JJD000390007729341" }),
    trackingUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .optional(),
  })
  .openapi("ShipmentRequest");
export type ShipmentBody = z.infer<typeof ShipmentBody>;

export const RefundBody = z
  .object({
    amount: MoneySchema.optional().openapi({
      description: "Defaults to the value of the lines (or everything left on what the request covers)",
    }),
    lines: z
      .array(
        z.object({
          lineId: z.string().regex(idPattern("oln"), "an order line id (oln_…)"),
          quantity: z.number().int().min(1).max(999).optional(),
        }),
      )
      .max(100)
      .optional(),
    sellerOrderIds: z
      .array(z.string().regex(idPattern("sor"), "a seller order id (sor_…)"))
      .min(1)
      .max(50)
      .optional()
      .openapi({ description: "Without lines: the seller orders to refund (what is left on them, up to `amount`)" }),
    goodwill: z.boolean().optional().openapi({
      description: "Admins only: refund `amount` as a marketplace goodwill credit, charged to no seller order",
    }),
    reason: z.string().trim().min(1).max(200),
    restock: z.boolean().default(false).openapi({ description: "Put the refunded copies back on sale" }),
  })
  .openapi("RefundRequest");
export type RefundBody = z.infer<typeof RefundBody>;

export const SalesReportQuery = z.object({
  from: CalendarDate.optional().openapi({ description: "First day (UTC), included; default 29 days before `to`" }),
  to: CalendarDate.optional().openapi({ description: "Last day (UTC), included; default today" }),
  period: z.enum(["day", "week"]).default("day").openapi({ description: "week: ISO weeks, Monday to Sunday" }),
  format: z
    .enum(["json", "csv"])
    .default("json")
    .openapi({ description: "csv: the periods as `text/csv`, one row a period, for a spreadsheet" }),
});
export type SalesReportQuery = z.infer<typeof SalesReportQuery>;

/** A sum of money over many orders: minor units like `Money`, without its cap on one price. */
const MoneyTotal = z
  .object({ amount: z.number().int().nonnegative(), currency: z.string() })
  .openapi("MoneyTotal", { example: { amount: 129900, currency: "EUR" } });

const RefundFigures = z.object({ count: z.number().int(), amount: MoneyTotal });

const PeriodFigures = z.object({
  revenue: MoneyTotal.openapi({
    description:
      "What seller orders paid then earn from books and covers (shipping not): their prices less your own " +
      "promotions' discounts (the marketplace's promotions are paid to you)",
  }),
  units: z.number().int().openapi({ description: "Copies sold" }),
  refunds: RefundFigures.openapi({ description: "Succeeded refunds issued then: how many, and your share of them" }),
  shipped: z.number().int().openapi({ description: "Parcels sent then" }),
  averagePaidToShippedSeconds: z
    .number()
    .int()
    .nullable()
    .openapi({ description: "Of the parcels sent then, the average time from payment; null when none left" }),
});

export const SalesReportSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    period: z.enum(["day", "week"]),
    currency: z.string(),
    totals: PeriodFigures,
    periods: z.array(
      PeriodFigures.extend({
        start: z.string().openapi({ description: "First day of the period within the report" }),
        end: z.string().openapi({ description: "Last day of the period within the report" }),
      }),
    ),
    topBooks: z.array(
      z.object({ isbn13: z.string(), title: z.string(), units: z.number().int(), revenue: MoneyTotal }),
    ),
  })
  .openapi("SalesReport");

export const SellerDashboardSchema = z
  .object({
    currency: z.string(),
    awaitingShipment: z.object({
      count: z.number().int(),
      longestWaiting: z.array(
        z.object({
          id: z.string(),
          orderId: z.string(),
          status: z.enum(SELLER_ORDER_STATUSES),
          units: z.number().int(),
          total: MoneySchema,
          paidAt: z.string().nullable(),
          createdAt: z.string(),
        }),
      ),
    }),
    revenue: z.object({ today: MoneyTotal, last7Days: MoneyTotal, last30Days: MoneyTotal }),
    unitsSoldLast30Days: z.number().int(),
    refundsLast30Days: RefundFigures,
    shippedLast30Days: z.object({
      parcels: z.number().int(),
      averagePaidToShippedSeconds: z.number().int().nullable(),
    }),
    daily: z.array(z.object({ date: z.string(), revenue: MoneyTotal, units: z.number().int() })),
  })
  .openapi("SellerDashboard");
