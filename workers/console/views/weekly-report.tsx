import type { FC } from "hono/jsx";
import type { SellerWeeklyReport } from "../../insights";
import { Chart } from "./chart";
import { price } from "./parts";

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

const LatestWeek: FC<{ report: SellerWeeklyReport }> = ({ report }) => {
  const own = report.figures;
  if (!own) return <p>You sold nothing in {report.week}.</p>;
  const figures: [string, string][] = [
    ["Rank", `${own.rank} of ${report.sellerCount}`],
    ["GMV", price({ amount: own.gmv, currency: report.currency })],
    ["Orders", String(own.orders)],
    ["Copies", String(own.units)],
    ["Paid to shipped", own.averageHoursToShip === null ? "–" : `${own.averageHoursToShip} h`],
    ["Fulfilled", percent(own.fulfilmentRate)],
    ["Cancelled", percent(own.cancellationRate)],
    ["Returns asked", percent(own.returnRate)],
    ["Rating", own.rating === null ? "–" : `${own.rating} (${own.ratingCount})`],
  ];
  return (
    <ul class="grid figures">
      {figures.map(([label, value]) => (
        <li class="panel">
          <p class="figure-label">{label}</p>
          <p class="figure">{value}</p>
        </li>
      ))}
    </ul>
  );
};

/** The seller's weekly reports of the last weeks: the latest week's figures and rank, and charts across the weeks. */
export const WeeklyReportPage: FC<{ reports: SellerWeeklyReport[] }> = ({ reports }) => {
  const latest = reports.at(-1)!;
  return (
    <section aria-labelledby="weekly-title">
      <h1 id="weekly-title">Weekly report</h1>
      <p>
        Weeks run Monday to Sunday (UTC).{" "}
        <a href={`/console/reports/weekly.csv?week=${latest.week}`}>Download {latest.week} as CSV</a>
      </p>
      <h2>{latest.week}</h2>
      <LatestWeek report={latest} />
      {reports.some((report) => report.figures) ? (
        <WeeklyCharts reports={reports} />
      ) : (
        <p>No figures yet: the charts start with your first week with a paid order.</p>
      )}
    </section>
  );
};

/** GMV, orders, rank and hours to ship across the weeks, for a seller with figures in at least one of them. */
const WeeklyCharts: FC<{ reports: SellerWeeklyReport[] }> = ({ reports }) => {
  const points = reports.map((report) => ({ at: Date.parse(report.from) / 1000, label: report.week }));
  const value = (pick: (own: NonNullable<SellerWeeklyReport["figures"]>) => number | null, none: number | null = 0) =>
    reports.map((report) => (report.figures ? pick(report.figures) : none));
  return (
    <>
      <Chart
        id="weekly-gmv"
        caption="GMV and orders per week"
        pointName="Week"
        points={points}
        series={[
          { label: "GMV", money: true, values: value((own) => own.gmv) },
          { label: "Orders", values: value((own) => own.orders) },
        ]}
      />
      <Chart
        id="weekly-rank"
        caption="Rank among the week's sellers and hours from payment to shipping"
        pointName="Week"
        points={points}
        series={[
          { label: "Rank", values: value((own) => own.rank, null) },
          { label: "Hours to ship", values: value((own) => own.averageHoursToShip, null) },
        ]}
      />
    </>
  );
};
