import { z } from "zod";
import { formatMoney } from "../../lib/money";
import { defineTemplate } from "../template";
import { inertName } from "../templates";
import { orderLink } from "../templates/orders";

/**
 * A return's steps as mail and notices: the buyer hears of each (category `orders`), the seller too (category
 * `seller_alerts`), each in their language.
 */

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const STEPS = ["requested", "escalated", "approved", "rejected", "in_transit", "refunded"] as const;
type Step = (typeof STEPS)[number];

const placeholders = z.object({
  returnId: z.string(),
  orderId: z.string(),
  sellerOrderId: z.string(),
  storeName: z.string(),
  step: z.enum(STEPS),
  note: z.string().nullable(),
  refunded: money.nullable(),
});
type ReturnStep = z.infer<typeof placeholders>;

const refundedOf = (data: ReturnStep) => (data.refunded ? formatMoney(data.refunded) : "");
const noteOf = (data: ReturnStep, label: string) => (data.note ? `\n\n${label}: ${data.note}` : "");

const BUYER_EN: Record<Step, (data: ReturnStep) => [string, string]> = {
  requested: (d) => ["We passed on your return request", `${d.storeName} answers within 3 days.`],
  escalated: (d) => ["Our team now decides your return", `${d.storeName} did not answer within 3 days.`],
  approved: (d) => ["Your return was approved", `Send the copies back to ${d.storeName} and add the tracking.`],
  rejected: () => ["Your return was not accepted", "The reason is below."],
  in_transit: (d) => ["Your return is on its way", `${d.storeName} refunds you once it arrives.`],
  refunded: (d) => ["Your return was refunded", `${refundedOf(d)} is on its way back to you.`],
};
const BUYER_DE: Record<Step, (data: ReturnStep) => [string, string]> = {
  requested: (d) => [
    "Wir haben Ihre Rücksendeanfrage weitergegeben",
    `${d.storeName} antwortet innerhalb von 3 Tagen.`,
  ],
  escalated: (d) => [
    "Unser Team entscheidet jetzt über Ihre Rücksendung",
    `${d.storeName} hat nicht innerhalb von 3 Tagen geantwortet.`,
  ],
  approved: (d) => [
    "Ihre Rücksendung wurde angenommen",
    `Senden Sie die Exemplare an ${d.storeName} zurück und tragen Sie die Sendungsnummer ein.`,
  ],
  rejected: () => ["Ihre Rücksendung wurde abgelehnt", "Den Grund finden Sie unten."],
  in_transit: (d) => ["Ihre Rücksendung ist unterwegs", `${d.storeName} erstattet, sobald sie ankommt.`],
  refunded: (d) => ["Ihre Rücksendung wurde erstattet", `${refundedOf(d)} geht an Sie zurück.`],
};
const SELLER_EN: Record<Step, (data: ReturnStep) => [string, string]> = {
  requested: () => ["A buyer asks to return copies", "Approve or reject it within 3 days."],
  escalated: () => ["A return request went to our team", "It was not answered within 3 days; an admin decides it now."],
  approved: () => ["A return was approved", "The buyer sends the copies back."],
  rejected: () => ["A return was rejected", "The buyer keeps the copies."],
  in_transit: () => ["Returned copies are on their way", "Mark them received when they arrive: the buyer is refunded."],
  refunded: (d) => ["A return was refunded", `${refundedOf(d)} went back to the buyer.`],
};
const SELLER_DE: Record<Step, (data: ReturnStep) => [string, string]> = {
  requested: () => [
    "Ein Käufer möchte Exemplare zurücksenden",
    "Nehmen Sie die Anfrage innerhalb von 3 Tagen an oder lehnen Sie sie ab.",
  ],
  escalated: () => [
    "Eine Rücksendeanfrage ging an unser Team",
    "Sie blieb 3 Tage unbeantwortet; jetzt entscheidet ein Admin.",
  ],
  approved: () => ["Eine Rücksendung wurde angenommen", "Der Käufer sendet die Exemplare zurück."],
  rejected: () => ["Eine Rücksendung wurde abgelehnt", "Der Käufer behält die Exemplare."],
  in_transit: () => [
    "Zurückgesendete Exemplare sind unterwegs",
    "Bestätigen Sie den Eingang, dann wird dem Käufer erstattet.",
  ],
  refunded: (d) => ["Eine Rücksendung wurde erstattet", `${refundedOf(d)} ging an den Käufer zurück.`],
};

const consoleLink = (base: string, sellerOrderId: string) => `${base}/console/orders/${sellerOrderId}`;

export const returnUpdate = defineTemplate({
  kind: "return-update",
  category: "orders",
  placeholders,
  link: (config, data) => orderLink(config, data.orderId),
  wording: {
    en: (data, config, recipient) => {
      const [title, body] = BUYER_EN[data.step](data);
      return {
        subject: `${title} (order ${data.orderId})`,
        text: `Hello ${inertName(recipient.name)},\n\n${body}${noteOf(data, "Note")}\n\nYour order: ${orderLink(config, data.orderId)}`,
        title,
        body,
      };
    },
    de: (data, config, recipient) => {
      const [title, body] = BUYER_DE[data.step](data);
      return {
        subject: `${title} (Bestellung ${data.orderId})`,
        text: `Hallo ${inertName(recipient.name)},\n\n${body}${noteOf(data, "Hinweis")}\n\nIhre Bestellung: ${orderLink(config, data.orderId)}`,
        title,
        body,
      };
    },
  },
});

export const sellerReturnUpdate = defineTemplate({
  kind: "seller-return-update",
  category: "seller_alerts",
  placeholders,
  link: (config, data) => consoleLink(config.PUBLIC_BASE_URL, data.sellerOrderId),
  wording: {
    en: (data, config, recipient) => {
      const [title, body] = SELLER_EN[data.step](data);
      return {
        subject: `${title}: return ${data.returnId}`,
        text: `Hello ${inertName(recipient.name)},\n\n${body}${noteOf(data, "Note")}\n\nYour order: ${consoleLink(config.PUBLIC_BASE_URL, data.sellerOrderId)}`,
        title,
        body,
      };
    },
    de: (data, config, recipient) => {
      const [title, body] = SELLER_DE[data.step](data);
      return {
        subject: `${title}: Rücksendung ${data.returnId}`,
        text: `Hallo ${inertName(recipient.name)},\n\n${body}${noteOf(data, "Hinweis")}\n\nIhre Bestellung: ${consoleLink(config.PUBLIC_BASE_URL, data.sellerOrderId)}`,
        title,
        body,
      };
    },
  },
});
