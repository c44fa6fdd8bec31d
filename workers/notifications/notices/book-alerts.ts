import { z } from "zod";
import { LISTING_CONDITIONS } from "../../catalog";
import { formatMoney } from "../../lib/money";
import { defineTemplate } from "../template";
import { inertName, inertProse } from "../templates";

/**
 * A reader's book alert was met (category `orders`: they asked for it, so it is no marketing): a copy of the book
 * is for sale again, or offered below the price they named.
 */

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const CONDITION_WORDS = {
  en: { new: "new", like_new: "like new", very_good: "very good", good: "good", acceptable: "acceptable" },
  de: { new: "neu", like_new: "wie neu", very_good: "sehr gut", good: "gut", acceptable: "akzeptabel" },
} as const;
const bookLink = (base: string, isbn13: string) => `${base}/books/${isbn13}`;

export const bookAlertMet = defineTemplate({
  kind: "book-alert",
  category: "orders",
  placeholders: z.object({
    alertKind: z.enum(["back_in_stock", "price_below"]),
    title: z.string(),
    isbn13: z.string(),
    storeName: z.string(),
    condition: z.enum(LISTING_CONDITIONS),
    price: money,
    below: money.nullable(),
  }),
  link: (config, data) => bookLink(config.PUBLIC_BASE_URL, data.isbn13),
  wording: {
    en: (data, config, recipient) => {
      const title = inertProse(data.title);
      const offer = `${inertName(data.storeName)} offers a ${CONDITION_WORDS.en[data.condition]} copy for ${formatMoney(data.price)}`;
      const met =
        data.alertKind === "price_below" && data.below
          ? `below the ${formatMoney(data.below)} you asked to hear of`
          : "and it is in stock again";
      return {
        subject:
          data.alertKind === "price_below"
            ? `"${title}" for ${formatMoney(data.price)} on Book Bazaar`
            : `"${title}" is back in stock on Book Bazaar`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `${offer}, ${met}: "${title}" (ISBN ${data.isbn13}).`,
          `See the offers: ${bookLink(config.PUBLIC_BASE_URL, data.isbn13)}`,
          "This alert has done its job; set a new one on the book's page to hear of the next offer.",
        ].join("\n\n"),
        title: data.alertKind === "price_below" ? `${data.title}: ${formatMoney(data.price)}` : `${data.title} is back`,
        body: `${data.storeName}, ${CONDITION_WORDS.en[data.condition]}, ${formatMoney(data.price)}`,
      };
    },
    de: (data, config, recipient) => {
      const title = inertProse(data.title);
      const offer = `${inertName(data.storeName)} bietet ein Exemplar (${CONDITION_WORDS.de[data.condition]}) für ${formatMoney(data.price)} an`;
      const met =
        data.alertKind === "price_below" && data.below
          ? `unter den ${formatMoney(data.below)}, die Sie genannt haben`
          : "und es ist wieder vorrätig";
      return {
        subject:
          data.alertKind === "price_below"
            ? `"${title}" für ${formatMoney(data.price)} bei Book Bazaar`
            : `"${title}" ist bei Book Bazaar wieder vorrätig`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `${offer}, ${met}: "${title}" (ISBN ${data.isbn13}).`,
          `Zu den Angeboten: ${bookLink(config.PUBLIC_BASE_URL, data.isbn13)}`,
          "Dieser Alarm hat seinen Dienst getan; legen Sie auf der Seite des Buchs einen neuen an, um vom nächsten Angebot zu hören.",
        ].join("\n\n"),
        title:
          data.alertKind === "price_below"
            ? `${data.title}: ${formatMoney(data.price)}`
            : `${data.title} ist wieder da`,
        body: `${data.storeName}, ${CONDITION_WORDS.de[data.condition]}, ${formatMoney(data.price)}`,
      };
    },
  },
});
