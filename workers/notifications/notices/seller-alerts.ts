import { z } from "zod";
import { formatMoney } from "../../lib/money";
import { defineTemplate } from "../template";
import { inertName, inertProse } from "../templates";

/** What a seller hears of their shop (category `seller_alerts`): a listing running low, a new paid order. */

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const consoleLink = (base: string, path: string) => `${base}/console/${path}`;

export const stockLow = defineTemplate({
  kind: "stock-low",
  category: "seller_alerts",
  placeholders: z.object({
    listingId: z.string(),
    title: z.string(),
    isbn13: z.string(),
    available: z.number().int().nonnegative(),
    threshold: z.number().int().positive(),
  }),
  link: (config, data) => consoleLink(config.PUBLIC_BASE_URL, `listings/${data.listingId}`),
  wording: {
    en: (data, config, recipient) => {
      const copies = data.available === 1 ? "1 copy" : `${data.available} copies`;
      return {
        subject: `Low stock: ${inertProse(data.title)} has ${copies} left`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `Your listing of "${inertProse(data.title)}" (ISBN ${data.isbn13}) is down to ${copies} available, at or ` +
            `below the warning level of ${data.threshold} you set. We tell you once; restock it or raise the count ` +
            "to hear again next time.",
          `Your listing: ${consoleLink(config.PUBLIC_BASE_URL, `listings/${data.listingId}`)}`,
        ].join("\n\n"),
        title: `Low stock: ${data.title}`,
        body: `${copies} left (warning level ${data.threshold})`,
      };
    },
    de: (data, config, recipient) => {
      const copies = data.available === 1 ? "1 Exemplar" : `${data.available} Exemplare`;
      return {
        subject: `Geringer Bestand: von ${inertProse(data.title)} sind noch ${copies} übrig`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `Von Ihrem Angebot "${inertProse(data.title)}" (ISBN ${data.isbn13}) sind nur noch ${copies} verfügbar, ` +
            `höchstens so viele wie Ihre Warnschwelle von ${data.threshold}. Wir sagen es Ihnen einmal; füllen Sie den ` +
            "Bestand auf, dann hören Sie beim nächsten Mal wieder davon.",
          `Ihr Angebot: ${consoleLink(config.PUBLIC_BASE_URL, `listings/${data.listingId}`)}`,
        ].join("\n\n"),
        title: `Geringer Bestand: ${data.title}`,
        body: `noch ${copies} (Warnschwelle ${data.threshold})`,
      };
    },
  },
});

export const sellerOrderPaid = defineTemplate({
  kind: "seller-order-paid",
  category: "seller_alerts",
  placeholders: z.object({
    orderId: z.string(),
    sellerOrderId: z.string(),
    shippingMethod: z.enum(["standard", "express"]),
    items: z.array(z.object({ title: z.string(), quantity: z.number().int().positive() })).min(1),
    total: money,
  }),
  link: (config, data) => consoleLink(config.PUBLIC_BASE_URL, `orders/${data.sellerOrderId}`),
  wording: {
    en: (data, config, recipient) => {
      const count = data.items.reduce((sum, item) => sum + item.quantity, 0);
      const books = data.items.map((item) => `${item.quantity} × ${inertProse(item.title)}`).join("\n");
      return {
        subject: `New order ${data.sellerOrderId}: ${count === 1 ? "1 book" : `${count} books`}, ${formatMoney(data.total)}`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `A buyer paid for your part of order ${data.orderId} (${formatMoney(data.total)}, ${data.shippingMethod} ` +
            `shipping):\n${books}`,
          `Pack and ship it from the console: ${consoleLink(config.PUBLIC_BASE_URL, `orders/${data.sellerOrderId}`)}`,
        ].join("\n\n"),
        title: `New paid order ${data.sellerOrderId}`,
        body: `${count === 1 ? "1 book" : `${count} books`}, ${formatMoney(data.total)}, ${data.shippingMethod} shipping`,
      };
    },
    de: (data, config, recipient) => {
      const count = data.items.reduce((sum, item) => sum + item.quantity, 0);
      const books = data.items.map((item) => `${item.quantity} × ${inertProse(item.title)}`).join("\n");
      const method = data.shippingMethod === "express" ? "Expressversand" : "Standardversand";
      return {
        subject: `Neue Bestellung ${data.sellerOrderId}: ${count === 1 ? "1 Buch" : `${count} Bücher`}, ${formatMoney(data.total)}`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `Ein Käufer hat Ihren Teil der Bestellung ${data.orderId} bezahlt (${formatMoney(data.total)}, ${method}):\n${books}`,
          `Verpacken und verschicken Sie ihn in der Konsole: ${consoleLink(config.PUBLIC_BASE_URL, `orders/${data.sellerOrderId}`)}`,
        ].join("\n\n"),
        title: `Neue bezahlte Bestellung ${data.sellerOrderId}`,
        body: `${count === 1 ? "1 Buch" : `${count} Bücher`}, ${formatMoney(data.total)}, ${method}`,
      };
    },
  },
});
