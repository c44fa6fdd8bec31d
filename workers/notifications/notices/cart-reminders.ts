import { z } from "zod";
import { defineTemplate } from "../template";
import { inertName, inertProse } from "../templates";

/** The one reminder of a cart left as it was (category `marketing`: only for buyers who opted in). */

/** At most this many books are named; the rest are counted. */
const NAMED = 5;

export const cartReminder = defineTemplate({
  kind: "cart-reminder",
  category: "marketing",
  placeholders: z.object({
    items: z.array(z.object({ title: z.string(), quantity: z.number().int().positive() })).min(1),
  }),
  link: (config) => `${config.PUBLIC_BASE_URL}/cart`,
  wording: {
    en: (data, config, recipient) => {
      const named = data.items.slice(0, NAMED).map((item) => `${item.quantity} × ${inertProse(item.title)}`);
      const more = data.items.length - named.length;
      return {
        subject: "Your books are still in your Book Bazaar cart",
        text: [
          `Hello ${inertName(recipient.name)},`,
          `You left these in your cart:\n${named.join("\n")}${more > 0 ? `\nand ${more} more` : ""}`,
          "Second-hand copies are often the only ones: check out before someone else does.",
          `Your cart: ${config.PUBLIC_BASE_URL}/cart`,
          "You get this because you chose to hear from us; turn marketing off in your notification settings to stop it.",
        ].join("\n\n"),
        title: "Your cart is waiting",
        body:
          data.items.length === 1 ? data.items[0]!.title : `${data.items[0]!.title} and ${data.items.length - 1} more`,
      };
    },
    de: (data, config, recipient) => {
      const named = data.items.slice(0, NAMED).map((item) => `${item.quantity} × ${inertProse(item.title)}`);
      const more = data.items.length - named.length;
      return {
        subject: "Ihre Bücher liegen noch in Ihrem Book-Bazaar-Warenkorb",
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `Diese Bücher liegen noch in Ihrem Warenkorb:\n${named.join("\n")}${more > 0 ? `\nund ${more} weitere` : ""}`,
          "Gebrauchte Exemplare gibt es oft nur einmal: bestellen Sie, bevor es jemand anders tut.",
          `Ihr Warenkorb: ${config.PUBLIC_BASE_URL}/cart`,
          "Sie erhalten dies, weil Sie Neuigkeiten von uns gewählt haben; schalten Sie Marketing in Ihren Benachrichtigungseinstellungen ab, um es zu beenden.",
        ].join("\n\n"),
        title: "Ihr Warenkorb wartet",
        body:
          data.items.length === 1
            ? data.items[0]!.title
            : `${data.items[0]!.title} und ${data.items.length - 1} weitere`,
      };
    },
  },
});
