import type { FC } from "hono/jsx";
import type { SalesReport } from "../../orders";
import { Chart } from "./chart";
import { Field, FormMessage, type FormState, price, Select } from "./parts";

const PERIODS = [
  ["day", "Per day"],
  ["week", "Per week (Monday to Sunday)"],
] as const;

/** Seconds from payment to sending, as a seller reads it: "3 h 20 min", "2 d 5 h". */
function duration(seconds: number | null): string {
  if (seconds === null) return "–";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 360) / 10);

const ReportForm: FC<{ form: FormState }> = ({ form }) => (
  <form method="get" action="/console/reports/sales" class="filters">
    <Field form={form} name="from" label="From" type="date" />
    <Field form={form} name="to" label="To" type="date" />
    <Select form={form} name="period" label="Figures" options={PERIODS} />
    <button type="submit">Show report</button>
  </form>
);

const Totals: FC<{ report: SalesReport }> = ({ report: { totals } }) => (
  <ul class="grid figures">
    <li class="panel">
      <p class="figure-label">Revenue</p>
      <p class="figure">{price(totals.revenue)}</p>
    </li>
    <li class="panel">
      <p class="figure-label">Copies sold</p>
      <p class="figure">{totals.units}</p>
    </li>
    <li class="panel">
      <p class="figure-label">Refunded</p>
      <p class="figure">{price(totals.refunds.amount)}</p>
      <p class="muted">
        {totals.refunds.count} {totals.refunds.count === 1 ? "refund" : "refunds"}
      </p>
    </li>
    <li class="panel">
      <p class="figure-label">Average time from payment to shipping</p>
      <p class="figure">{duration(totals.averagePaidToShippedSeconds)}</p>
      <p class="muted">
        {totals.shipped} {totals.shipped === 1 ? "parcel" : "parcels"} sent
      </p>
    </li>
  </ul>
);

const TopBooks: FC<{ books: SalesReport["topBooks"] }> = ({ books }) => {
  const most = Math.max(1, ...books.map((book) => book.units));
  return (
    <section aria-labelledby="top-books-title">
      <h2 id="top-books-title">Top 10 books</h2>
      {books.length === 0 ? (
        <p>No book sold in these days.</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col" class="number">
                  Rank
                </th>
                <th scope="col">Book</th>
                <th scope="col">ISBN</th>
                <th scope="col" class="number">
                  Copies
                </th>
                <th scope="col" class="number">
                  Revenue
                </th>
                <th scope="col">
                  <span class="visually-hidden">Copies as a bar</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {books.map((book, i) => (
                <tr>
                  <td class="number">{i + 1}</td>
                  <th scope="row">{book.title}</th>
                  <td>{book.isbn13}</td>
                  <td class="number">{book.units}</td>
                  <td class="number">{price(book.revenue)}</td>
                  <td>
                    <meter class="bar" min={0} max={most} value={book.units} aria-hidden="true" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};

const periodPoints = (report: SalesReport) =>
  report.periods.map((period) => ({
    at: Date.parse(`${period.start}T00:00:00Z`) / 1000,
    label: period.start === period.end ? period.start : `${period.start} to ${period.end}`,
  }));

const PeriodCharts: FC<{ report: SalesReport }> = ({ report }) => {
  const points = periodPoints(report);
  const per = report.period === "week" ? "week" : "day";
  const pointName = per === "week" ? "Week" : "Day";
  return (
    <section aria-labelledby="periods-title">
      <h2 id="periods-title">Per {per}</h2>
      <Chart
        id="report-revenue"
        caption={`Revenue per ${per}`}
        pointName={pointName}
        points={points}
        series={[
          {
            label: `Revenue (${report.currency})`,
            money: true,
            values: report.periods.map((p) => p.revenue.amount),
          },
        ]}
      />
      <Chart
        id="report-units"
        caption={`Copies sold per ${per}`}
        pointName={pointName}
        points={points}
        series={[{ label: "Copies", values: report.periods.map((p) => p.units) }]}
      />
      {report.totals.shipped === 0 ? (
        <p>No parcel was sent in these days, so there is no time from payment to shipping to show.</p>
      ) : (
        <Chart
          id="report-shipping"
          caption={`Average hours from payment to shipping, of the parcels sent each ${per}`}
          pointName={pointName}
          points={points}
          series={[{ label: "Hours", values: report.periods.map((p) => hours(p.averagePaidToShippedSeconds)) }]}
        />
      )}
    </section>
  );
};

interface ReportProps {
  form: FormState;
  report: SalesReport | null;
  csvHref: string | null;
}

/** Revenue and copies per day or week, the best sellers and shipping speed, for the dates the seller picks. */
export const SalesReportPage: FC<ReportProps> = ({ form, report, csvHref }) => (
  <section aria-labelledby="report-title">
    <h1 id="report-title">Sales report</h1>
    <p class="muted">
      Revenue is what buyers paid for your books and covers (shipping not included), on the UTC day they paid.
    </p>
    <FormMessage form={form} />
    <ReportForm form={form} />
    {report && (
      <>
        <p>
          From {report.from} to {report.to}.{" "}
          {csvHref && (
            <a href={csvHref} download>
              Download the figures per {report.period} as CSV
            </a>
          )}
        </p>
        <Totals report={report} />
        <PeriodCharts report={report} />
        <TopBooks books={report.topBooks} />
      </>
    )}
  </section>
);
