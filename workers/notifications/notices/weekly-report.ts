import { z } from "zod";
import { formatMoney } from "../../lib/money";
import { defineTemplate } from "../template";
import { inertName, inertProse } from "../templates";

/** The week's marketplace report, mailed to every admin when the weekly cron has built it (category `seller_alerts`). */

const money = z.object({ amount: z.number().int(), currency: z.string().length(3) });
const reportLink = (base: string, week: string) => `${base}/v1/admin/reports/weekly?week=${week}`;

export const weeklyReport = defineTemplate({
  kind: "weekly-report",
  category: "seller_alerts",
  placeholders: z.object({
    week: z.string(),
    gmv: money,
    orders: z.number().int(),
    units: z.number().int(),
    averageOrderValue: money,
    activeBuyers: z.number().int(),
    newAccounts: z.number().int(),
    topBook: z.object({ isbn13: z.string(), title: z.string() }).nullable(),
  }),
  link: (config, data) => reportLink(config.PUBLIC_BASE_URL, data.week),
  wording: {
    en: (data, config, recipient) => ({
      subject: `Book Bazaar weekly report ${data.week}`,
      text: [
        `Hello ${inertName(recipient.name)},`,
        `In ${data.week} the marketplace sold ${data.units} copies in ${data.orders} orders for ${formatMoney(data.gmv)} ` +
          `(${formatMoney(data.averageOrderValue)} an order), to ${data.activeBuyers} buyers; ${data.newAccounts} ` +
          "accounts were opened.",
        data.topBook
          ? `The most bought book: ${inertProse(data.topBook.title)} (${data.topBook.isbn13}).`
          : "No book was bought.",
        `The whole report (CSV with ?format=csv): ${reportLink(config.PUBLIC_BASE_URL, data.week)}`,
      ].join("\n\n"),
      title: `Weekly report ${data.week}`,
      body: `${formatMoney(data.gmv)} in ${data.orders} orders`,
    }),
    de: (data, config, recipient) => ({
      subject: `Book-Bazaar-Wochenbericht ${data.week}`,
      text: [
        `Hallo ${inertName(recipient.name)},`,
        `In ${data.week} hat der Marktplatz ${data.units} Exemplare in ${data.orders} Bestellungen für ` +
          `${formatMoney(data.gmv)} verkauft (${formatMoney(data.averageOrderValue)} je Bestellung), an ` +
          `${data.activeBuyers} Käufer; ${data.newAccounts} Konten wurden eröffnet.`,
        data.topBook
          ? `Das meistgekaufte Buch: ${inertProse(data.topBook.title)} (${data.topBook.isbn13}).`
          : "Kein Buch wurde gekauft.",
        `Der ganze Bericht (CSV mit ?format=csv): ${reportLink(config.PUBLIC_BASE_URL, data.week)}`,
      ].join("\n\n"),
      title: `Wochenbericht ${data.week}`,
      body: `${formatMoney(data.gmv)} in ${data.orders} Bestellungen`,
    }),
  },
});
