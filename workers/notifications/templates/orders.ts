import { z } from "zod";
import type { Config } from "../../config";
import { formatMoney, type Money, MoneySchema } from "../../lib/money";
import { defineTemplate } from "../template";
import { inertName } from "./inert";

/**
 * The buyer's mail about an order's payment and money: confirmation with the receipt, payment failed, cancelled,
 * refunded (category `orders`, transactional: no unsubscribe link).
 */

export const orderLink = (config: Config, orderId: string) => `${config.PUBLIC_BASE_URL}/orders/${orderId}`;
const row = (label: string, money: Money) => `${label.padEnd(16)}${formatMoney(money).padStart(14)}`;
const spaced = (reason: string) => reason.replace(/_/g, " ");

const Discount = z.object({ code: z.string().nullable(), name: z.string(), amount: MoneySchema });

/** Events written before discounts and tax per rate were added lack them: those mails show neither. */
const PaidLine = z.object({
  title: z.string(),
  quantity: z.number().int().positive(),
  unitPrice: MoneySchema,
  cover: z.string().nullable(),
  coverPrice: MoneySchema,
  inscription: z.string().nullable(),
  discounts: z.array(Discount).default([]),
  lineTotal: MoneySchema,
});

const TaxRate = z.object({ name: z.string(), taxable: MoneySchema, tax: MoneySchema });

/** A line's discounts under it, one a row: the promotion's name and code, what it took off. */
const discountRows = (discounts: z.infer<typeof Discount>[]) =>
  discounts.map(
    (discount) => `  − ${discount.name}${discount.code ? ` (${discount.code})` : ""}: ${formatMoney(discount.amount)}`,
  );

/** The tax in the total, one row a rate: what was charged at it and the tax in that. */
const taxRows = (rates: z.infer<typeof TaxRate>[], of: string) =>
  rates.map((rate) => `${rate.name}: ${formatMoney(rate.tax)} ${of} ${formatMoney(rate.taxable)}`);

const hasAmount = (money: Money | undefined): money is Money => money !== undefined && money.amount > 0;

export const orderConfirmation = defineTemplate({
  kind: "order-confirmation",
  category: "orders",
  placeholders: z.object({
    orderId: z.string(),
    paidAt: z.iso.datetime(),
    totals: z.object({
      items: MoneySchema,
      covers: MoneySchema,
      shipping: MoneySchema,
      discount: MoneySchema.optional(),
      tax: MoneySchema,
      total: MoneySchema,
    }),
    taxLines: z.array(TaxRate).default([]),
    shippingMethod: z.enum(["standard", "express"]),
    shippingAddress: z.object({ name: z.string(), city: z.string(), country: z.string() }),
    sellerOrders: z.array(z.object({ sellerOrderId: z.string() })),
    lines: z.array(PaidLine),
  }),
  link: (config, data) => orderLink(config, data.orderId),
  wording: {
    en: (data, config, recipient) => {
      const lines = data.lines.map((line) => {
        const cover = line.cover
          ? ` — ${line.cover}${line.inscription ? ` "${line.inscription}"` : ""} (+${formatMoney(line.coverPrice)} each)`
          : "";
        const bought = `${line.quantity} × ${line.title} at ${formatMoney(line.unitPrice)}${cover}: ${formatMoney(line.lineTotal)}`;
        return [bought, ...discountRows(line.discounts)].join("\n");
      });
      const { name, city, country } = data.shippingAddress;
      const sellers = data.sellerOrders.length;
      return {
        subject: `Your Book Bazaar order ${data.orderId} is confirmed`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `Thank you! We received your payment for order ${data.orderId} on ${data.paidAt.slice(0, 10)}.`,
          `Receipt\n${lines.join("\n")}`,
          [
            row("Items", data.totals.items),
            row("Covers", data.totals.covers),
            row("Shipping", data.totals.shipping),
            ...(hasAmount(data.totals.discount) ? [row("Discounts", data.totals.discount)] : []),
            row("Tax (included)", data.totals.tax),
            row("Total paid", data.totals.total),
          ].join("\n"),
          ...(data.taxLines.length ? [`Tax included\n${taxRows(data.taxLines, "of").join("\n")}`] : []),
          `Ships ${data.shippingMethod} to ${inertName(name)}, ${city}, ${country}. ` +
            (sellers > 1
              ? `${sellers} sellers each send their part; you will get a mail with tracking for each parcel.`
              : "You will get a mail with tracking when it is on its way."),
          `Your order: ${orderLink(config, data.orderId)}`,
        ].join("\n\n"),
        title: `Order ${data.orderId} is confirmed`,
        body: `We received your payment of ${formatMoney(data.totals.total)}.`,
      };
    },
    de: (data, config, recipient) => {
      const lines = data.lines.map((line) => {
        const cover = line.cover
          ? ` — ${line.cover}${line.inscription ? ` „${line.inscription}“` : ""} (+${formatMoney(line.coverPrice)} je Stück)`
          : "";
        const bought = `${line.quantity} × ${line.title} zu ${formatMoney(line.unitPrice)}${cover}: ${formatMoney(line.lineTotal)}`;
        return [bought, ...discountRows(line.discounts)].join("\n");
      });
      const { name, city, country } = data.shippingAddress;
      const sellers = data.sellerOrders.length;
      const method = data.shippingMethod === "express" ? "per Expressversand" : "per Standardversand";
      return {
        subject: `Ihre Book-Bazaar-Bestellung ${data.orderId} ist bestätigt`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `vielen Dank! Ihre Zahlung für die Bestellung ${data.orderId} ist am ${data.paidAt.slice(0, 10)} eingegangen.`,
          `Beleg\n${lines.join("\n")}`,
          [
            row("Artikel", data.totals.items),
            row("Einbände", data.totals.covers),
            row("Versand", data.totals.shipping),
            ...(hasAmount(data.totals.discount) ? [row("Rabatte", data.totals.discount)] : []),
            row("MwSt. enthalten", data.totals.tax),
            row("Bezahlt gesamt", data.totals.total),
          ].join("\n"),
          ...(data.taxLines.length ? [`Enthaltene MwSt.\n${taxRows(data.taxLines, "von").join("\n")}`] : []),
          `Versand ${method} an ${inertName(name)}, ${city}, ${country}. ` +
            (sellers > 1
              ? `${sellers} Verkäufer schicken jeweils ihren Teil; Sie erhalten für jedes Paket eine Mail mit Sendungsverfolgung.`
              : "Sie erhalten eine Mail mit Sendungsverfolgung, sobald die Bestellung unterwegs ist."),
          `Ihre Bestellung: ${orderLink(config, data.orderId)}`,
        ].join("\n\n"),
        title: `Bestellung ${data.orderId} ist bestätigt`,
        body: `Wir haben Ihre Zahlung über ${formatMoney(data.totals.total)} erhalten.`,
      };
    },
  },
});

export const paymentFailed = defineTemplate({
  kind: "payment-failed",
  category: "orders",
  placeholders: z.object({ orderId: z.string(), reason: z.string(), total: MoneySchema }),
  link: (config, data) => orderLink(config, data.orderId),
  wording: {
    en: (data, config, recipient) => ({
      subject: `Payment failed for your Book Bazaar order ${data.orderId}`,
      text: [
        `Hello ${inertName(recipient.name)},`,
        `The payment of ${formatMoney(data.total)} for order ${data.orderId} did not go through (${data.reason}). Nothing was charged.`,
        "The books are no longer held for you. You can try the payment again, or check out again from your cart.",
        `Your order: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
      title: `Payment failed for order ${data.orderId}`,
      body: `The payment of ${formatMoney(data.total)} did not go through. Nothing was charged.`,
    }),
    de: (data, config, recipient) => ({
      subject: `Zahlung für Ihre Book-Bazaar-Bestellung ${data.orderId} fehlgeschlagen`,
      text: [
        `Hallo ${inertName(recipient.name)},`,
        `die Zahlung über ${formatMoney(data.total)} für die Bestellung ${data.orderId} ist nicht durchgegangen (${data.reason}). Es wurde nichts abgebucht.`,
        "Die Bücher sind nicht mehr für Sie reserviert. Sie können die Zahlung erneut versuchen oder aus Ihrem Warenkorb neu bestellen.",
        `Ihre Bestellung: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
      title: `Zahlung für Bestellung ${data.orderId} fehlgeschlagen`,
      body: `Die Zahlung über ${formatMoney(data.total)} ist nicht durchgegangen. Es wurde nichts abgebucht.`,
    }),
  },
});

/** A payment that settles later (a bank debit): nothing to do but wait; the books stay held until `holdUntil`. */
export const paymentProcessing = defineTemplate({
  kind: "payment-processing",
  category: "orders",
  placeholders: z.object({ orderId: z.string(), total: MoneySchema, holdUntil: z.iso.datetime() }),
  link: (config, data) => orderLink(config, data.orderId),
  wording: {
    en: (data, config, recipient) => ({
      subject: `Your payment for Book Bazaar order ${data.orderId} is on its way`,
      text: [
        `Hello ${inertName(recipient.name)},`,
        `Your payment of ${formatMoney(data.total)} for order ${data.orderId} is being processed by your bank, which can take a few days.`,
        `The books stay held for you until ${data.holdUntil.slice(0, 10)}. You will get a mail as soon as the payment has gone through.`,
        `Your order: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
      title: `Payment processing for order ${data.orderId}`,
      body: `Your payment of ${formatMoney(data.total)} is being processed; the books stay held for you.`,
    }),
    de: (data, config, recipient) => ({
      subject: `Ihre Zahlung für die Book-Bazaar-Bestellung ${data.orderId} ist unterwegs`,
      text: [
        `Hallo ${inertName(recipient.name)},`,
        `Ihre Zahlung über ${formatMoney(data.total)} für die Bestellung ${data.orderId} wird von Ihrer Bank bearbeitet; das kann einige Tage dauern.`,
        `Die Bücher bleiben bis ${data.holdUntil.slice(0, 10)} für Sie reserviert. Sobald die Zahlung eingegangen ist, erhalten Sie eine Mail.`,
        `Ihre Bestellung: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
      title: `Zahlung für Bestellung ${data.orderId} in Bearbeitung`,
      body: `Ihre Zahlung über ${formatMoney(data.total)} wird bearbeitet; die Bücher bleiben für Sie reserviert.`,
    }),
  },
});

const CANCEL_REASONS = {
  en: {
    stock_unavailable_after_payment:
      "your payment arrived after the books were no longer held for you, and they have been sold since",
    order_cancelled_before_payment: "it was cancelled before the payment arrived",
    promotion_used_up_after_payment:
      "your payment arrived after the books were no longer held for you, and a promotion it used has been used up since",
    buyer_requested: "you asked us to",
  },
  de: {
    stock_unavailable_after_payment:
      "Ihre Zahlung eingegangen ist, als die Bücher nicht mehr für Sie reserviert waren, und sie inzwischen verkauft sind",
    order_cancelled_before_payment: "sie storniert wurde, bevor die Zahlung einging",
    promotion_used_up_after_payment:
      "Ihre Zahlung eingegangen ist, als die Bücher nicht mehr für Sie reserviert waren, und eine darin genutzte Aktion inzwischen ausgeschöpft ist",
    buyer_requested: "Sie darum gebeten haben",
  },
} satisfies Record<string, Record<string, string>>;
const why = (language: keyof typeof CANCEL_REASONS, reason: string) =>
  (CANCEL_REASONS[language] as Record<string, string>)[reason] ?? spaced(reason);

export const orderCancelled = defineTemplate({
  kind: "order-cancelled",
  category: "orders",
  placeholders: z.object({ orderId: z.string(), reason: z.string(), paid: z.boolean(), total: MoneySchema }),
  link: (config, data) => orderLink(config, data.orderId),
  wording: {
    en: (data, config, recipient) => {
      const money = data.paid
        ? `The ${formatMoney(data.total)} you paid is refunded in full; you will get a separate mail when the refund is on its way.`
        : "Nothing was charged.";
      return {
        subject: `Your Book Bazaar order ${data.orderId} is cancelled`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `Order ${data.orderId} is cancelled because ${why("en", data.reason)}.`,
          money,
          `Your order: ${orderLink(config, data.orderId)}`,
        ].join("\n\n"),
        title: `Order ${data.orderId} is cancelled`,
        body: data.paid ? `The ${formatMoney(data.total)} you paid is refunded in full.` : "Nothing was charged.",
      };
    },
    de: (data, config, recipient) => {
      const money = data.paid
        ? `Die bezahlten ${formatMoney(data.total)} werden vollständig erstattet; Sie erhalten eine eigene Mail, sobald die Erstattung unterwegs ist.`
        : "Es wurde nichts abgebucht.";
      return {
        subject: `Ihre Book-Bazaar-Bestellung ${data.orderId} ist storniert`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `die Bestellung ${data.orderId} ist storniert, weil ${why("de", data.reason)}.`,
          money,
          `Ihre Bestellung: ${orderLink(config, data.orderId)}`,
        ].join("\n\n"),
        title: `Bestellung ${data.orderId} ist storniert`,
        body: data.paid
          ? `Die bezahlten ${formatMoney(data.total)} werden vollständig erstattet.`
          : "Es wurde nichts abgebucht.",
      };
    },
  },
});

export const refundIssued = defineTemplate({
  kind: "refund-issued",
  category: "orders",
  placeholders: z.object({
    orderId: z.string(),
    amount: MoneySchema,
    tax: MoneySchema.optional(),
    orderRefunded: MoneySchema,
    reason: z.string(),
    lines: z.array(z.object({ title: z.string(), quantity: z.number().int().nonnegative(), amount: MoneySchema })),
  }),
  link: (config, data) => orderLink(config, data.orderId),
  wording: {
    en: (data, config, recipient) => {
      const lines = refundedLines(data.lines);
      return {
        subject: `Refund of ${formatMoney(data.amount)} for your Book Bazaar order ${data.orderId}`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          data.amount.amount === 0
            ? `We took back copies of order ${data.orderId} (${spaced(data.reason)}). They were free with a promotion, so nothing goes back to your payment method.`
            : `We refunded ${formatMoney(data.amount)}${hasAmount(data.tax) ? ` (${formatMoney(data.tax)} of it tax)` : ""} for order ${data.orderId} (${spaced(data.reason)}). It reaches your account through your payment method within a few days.`,
          ...(lines.length ? [`Refunded\n${lines.join("\n")}`] : []),
          `Refunded on this order so far: ${formatMoney(data.orderRefunded)}.`,
          `Your order: ${orderLink(config, data.orderId)}`,
        ].join("\n\n"),
        title: `Refund of ${formatMoney(data.amount)} for order ${data.orderId}`,
        body: "It reaches your account through your payment method within a few days.",
      };
    },
    de: (data, config, recipient) => {
      const lines = refundedLines(data.lines);
      return {
        subject: `Erstattung von ${formatMoney(data.amount)} für Ihre Book-Bazaar-Bestellung ${data.orderId}`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          data.amount.amount === 0
            ? `wir haben Exemplare der Bestellung ${data.orderId} zurückgenommen (${spaced(data.reason)}). Sie waren mit einer Aktion gratis, daher geht nichts an Ihre Zahlungsart zurück.`
            : `wir haben ${formatMoney(data.amount)}${hasAmount(data.tax) ? ` (davon ${formatMoney(data.tax)} MwSt.)` : ""} für die Bestellung ${data.orderId} erstattet (${spaced(data.reason)}). Der Betrag erreicht Ihr Konto über Ihre Zahlungsart innerhalb weniger Tage.`,
          ...(lines.length ? [`Erstattet\n${lines.join("\n")}`] : []),
          `Für diese Bestellung bisher erstattet: ${formatMoney(data.orderRefunded)}.`,
          `Ihre Bestellung: ${orderLink(config, data.orderId)}`,
        ].join("\n\n"),
        title: `Erstattung von ${formatMoney(data.amount)} für Bestellung ${data.orderId}`,
        body: "Der Betrag erreicht Ihr Konto über Ihre Zahlungsart innerhalb weniger Tage.",
      };
    },
  },
});

function refundedLines(lines: { title: string; quantity: number; amount: Money }[]): string[] {
  return lines
    .filter((line) => line.amount.amount > 0 || line.quantity > 0)
    .map((line) => `${line.quantity} × ${line.title}: ${formatMoney(line.amount)}`);
}
