import type { AdminWeeklyReport, SellerWeeklyReport } from "./service";

/** A cell as CSV: quoted when it holds a comma, quote or line break; null is empty. */
const cell = (value: unknown) => {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (rows: unknown[][]) => `${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;

const SELLER_COLUMNS = [
  "rank",
  "sellerId",
  "storeName",
  "orders",
  "gmv",
  "units",
  "averageHoursToShip",
  "fulfilmentRate",
  "cancellationRate",
  "returnRate",
  "supportTickets",
  "supportAnswered",
  "medianFirstResponseMinutes",
  "rating",
  "ratingCount",
] as const;

/**
 * The admin report as one long table, `section,key,metric,value` (amounts in minor units): one row per figure,
 * so every section fits the same four columns.
 */
export function adminReportCsv(report: AdminWeeklyReport): string {
  const rows: unknown[][] = [["section", "key", "metric", "value"]];
  const figures = (section: string, key: string, values: object) => {
    for (const [metric, value] of Object.entries(values))
      if (typeof value !== "object" || value === null) rows.push([section, key, metric, value]);
  };
  figures("sales", "week", report.sales.totals);
  for (const day of report.sales.days) figures("sales", day.day, day);
  for (const row of report.sales.byCategory) figures("sales_by_category", row.category, row);
  for (const row of report.sales.byCondition) figures("sales_by_condition", row.kind, row);
  for (const row of report.pricing.bands) figures("pricing", `${row.band}/${row.condition}`, row);
  for (const row of report.pricing.promotions) figures("promotions", row.discounted ? "discounted" : "full_price", row);
  for (const row of report.popularBooks) figures("popular_books", row.isbn13, row);
  figures("engagement", "week", report.engagement);
  for (const day of report.reviews.days) figures("reviews", day.day, day);
  figures("reviews", "sentiment", report.reviews.sentiment);
  for (const row of report.reviews.positiveKeywords) rows.push(["positive_keywords", row.word, "count", row.count]);
  for (const row of report.reviews.negativeKeywords) rows.push(["negative_keywords", row.word, "count", row.count]);
  for (const row of report.sellers) figures("sellers", row.sellerId, row);
  return csv(rows);
}

/** The seller's own row of the week, with the week and the number of sellers ranked (a header and one row). */
export function sellerReportCsv(report: SellerWeeklyReport): string {
  const own = report.figures;
  return csv([
    ["week", "sellerCount", ...SELLER_COLUMNS],
    [report.week, report.sellerCount, ...SELLER_COLUMNS.map((column) => own?.[column] ?? null)],
  ]);
}
