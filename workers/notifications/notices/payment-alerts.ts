import { z } from "zod";
import { formatMoney } from "../../lib/money";
import { defineTemplate } from "../template";
import { inertName, inertProse } from "../templates";

/**
 * Money that left an order outside Book Bazaar's own refunds (category `seller_alerts`): a buyer's dispute with
 * their bank, or a refund made at the payment provider. Each seller of the order hears of it (`sellerOrderId` is
 * their part, with a link to it) and so does every admin (`sellerOrderId` null).
 */

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const sellerOrderLink = (base: string, sellerOrderId: string | null) =>
  sellerOrderId ? `${base}/console/orders/${sellerOrderId}` : null;

export const paymentDisputed = defineTemplate({
  kind: "payment-disputed",
  category: "seller_alerts",
  placeholders: z.object({
    orderId: z.string(),
    sellerOrderId: z.string().nullable(),
    amount: money,
    reason: z.string(),
  }),
  link: (config, data) => sellerOrderLink(config.PUBLIC_BASE_URL, data.sellerOrderId),
  wording: {
    en: (data, config, recipient) => {
      const part = data.sellerOrderId ? `, of which ${data.sellerOrderId} is your part` : "";
      const link = sellerOrderLink(config.PUBLIC_BASE_URL, data.sellerOrderId);
      return {
        subject: `Payment disputed for Book Bazaar order ${data.orderId}`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `The buyer of order ${data.orderId}${part} disputed ${formatMoney(data.amount)} of the payment with their ` +
            `bank (reason: ${inertProse(data.reason.replace(/_/g, " "))}). The money is held until the dispute is decided.`,
          data.sellerOrderId
            ? "Keep the proof of shipping and delivery at hand: it is what answers a dispute."
            : "Gather the order's shipping and delivery evidence and answer the dispute at the payment provider.",
          ...(link ? [`The order: ${link}`] : []),
        ].join("\n\n"),
        title: `Payment disputed: order ${data.orderId}`,
        body: `${formatMoney(data.amount)} disputed (${data.reason.replace(/_/g, " ")})`,
      };
    },
    de: (data, config, recipient) => {
      const part = data.sellerOrderId ? ` (Ihr Teil: ${data.sellerOrderId})` : "";
      const link = sellerOrderLink(config.PUBLIC_BASE_URL, data.sellerOrderId);
      return {
        subject: `Zahlung der Book-Bazaar-Bestellung ${data.orderId} angefochten`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `Der Käufer der Bestellung ${data.orderId}${part} hat ${formatMoney(data.amount)} der Zahlung bei seiner ` +
            `Bank angefochten (Grund: ${inertProse(data.reason.replace(/_/g, " "))}). Das Geld ist bis zur ` +
            "Entscheidung zurückgehalten.",
          data.sellerOrderId
            ? "Halten Sie Versand- und Zustellnachweise bereit: Sie beantworten die Anfechtung."
            : "Sammeln Sie die Versand- und Zustellnachweise der Bestellung und antworten Sie beim Zahlungsanbieter.",
          ...(link ? [`Die Bestellung: ${link}`] : []),
        ].join("\n\n"),
        title: `Zahlung angefochten: Bestellung ${data.orderId}`,
        body: `${formatMoney(data.amount)} angefochten (${data.reason.replace(/_/g, " ")})`,
      };
    },
  },
});

export const refundedOutside = defineTemplate({
  kind: "refund-outside",
  category: "seller_alerts",
  placeholders: z.object({
    orderId: z.string(),
    sellerOrderId: z.string().nullable(),
    amount: money,
    refundedTotal: money,
  }),
  link: (config, data) => sellerOrderLink(config.PUBLIC_BASE_URL, data.sellerOrderId),
  wording: {
    en: (data, config, recipient) => {
      const part = data.sellerOrderId ? `, of which ${data.sellerOrderId} is your part` : "";
      const link = sellerOrderLink(config.PUBLIC_BASE_URL, data.sellerOrderId);
      return {
        subject: `Refund made outside Book Bazaar for order ${data.orderId}`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `${formatMoney(data.amount)} of the payment for order ${data.orderId}${part} was refunded at the payment ` +
            `provider, not through Book Bazaar (refunded in all: ${formatMoney(data.refundedTotal)}). The order's ` +
            "own refunds do not show it.",
          data.sellerOrderId
            ? "If you did not expect this, contact the marketplace's support before you ship."
            : "Check who refunded it and record it against the order; the daily reconciliation lists it too.",
          ...(link ? [`The order: ${link}`] : []),
        ].join("\n\n"),
        title: `Refund outside Book Bazaar: order ${data.orderId}`,
        body: `${formatMoney(data.amount)} refunded at the payment provider`,
      };
    },
    de: (data, config, recipient) => {
      const part = data.sellerOrderId ? ` (Ihr Teil: ${data.sellerOrderId})` : "";
      const link = sellerOrderLink(config.PUBLIC_BASE_URL, data.sellerOrderId);
      return {
        subject: `Erstattung außerhalb von Book Bazaar für Bestellung ${data.orderId}`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `${formatMoney(data.amount)} der Zahlung für Bestellung ${data.orderId}${part} wurden beim ` +
            `Zahlungsanbieter erstattet, nicht über Book Bazaar (insgesamt erstattet: ${formatMoney(data.refundedTotal)}). ` +
            "Die Erstattungen der Bestellung zeigen das nicht.",
          data.sellerOrderId
            ? "Wenn Sie das nicht erwartet haben, wenden Sie sich vor dem Versand an den Support des Marktplatzes."
            : "Prüfen Sie, wer erstattet hat, und halten Sie es bei der Bestellung fest; der tägliche Abgleich führt es auch auf.",
          ...(link ? [`Die Bestellung: ${link}`] : []),
        ].join("\n\n"),
        title: `Erstattung außerhalb von Book Bazaar: Bestellung ${data.orderId}`,
        body: `${formatMoney(data.amount)} beim Zahlungsanbieter erstattet`,
      };
    },
  },
});
