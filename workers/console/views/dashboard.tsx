import type { FC } from "hono/jsx";
import type { ListingView } from "../../catalog";
import type { Money } from "../../lib/money";
import type { SellerDashboard } from "../../orders";
import { Chart } from "./chart";
import { price, When } from "./parts";
import { PayoutsPanel, type PayoutsSummary } from "./payouts";

export interface DashboardProps {
  storeName: string;
  figures: SellerDashboard;
  lowStock: ListingView[];
  waitingPrintJobs: number;
  payouts: PayoutsSummary;
}

const Figure: FC<{ label: string; value: string; href?: string; note?: string }> = ({ label, value, href, note }) => (
  <li class="panel">
    <p class="figure-label">{label}</p>
    <p class="figure">{href ? <a href={href}>{value}</a> : value}</p>
    {note && <p class="muted">{note}</p>}
  </li>
);

const AwaitingShipment: FC<{ awaiting: SellerDashboard["awaitingShipment"] }> = ({ awaiting }) => (
  <section aria-labelledby="awaiting-title">
    <h2 id="awaiting-title">Waiting longest to ship</h2>
    {awaiting.longestWaiting.length === 0 ? (
      <p>Nothing waits to be sent.</p>
    ) : (
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Paid</th>
              <th scope="col" class="number">
                Copies
              </th>
              <th scope="col" class="number">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {awaiting.longestWaiting.map((order) => (
              <tr>
                <th scope="row">
                  <a href={`/console/orders/${order.id}`}>{order.id}</a>
                </th>
                <td>
                  <When at={order.paidAt ?? order.createdAt} />
                </td>
                <td class="number">{order.units}</td>
                <td class="number">{price(order.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
    {awaiting.count > awaiting.longestWaiting.length && (
      <p>
        <a href="/console/orders">All {awaiting.count} orders to ship</a>
      </p>
    )}
  </section>
);

const LowStock: FC<{ listings: ListingView[] }> = ({ listings }) => (
  <section aria-labelledby="low-stock-title">
    <h2 id="low-stock-title">Low stock</h2>
    {listings.length === 0 ? (
      <p>No active listing is at or below its low-stock threshold.</p>
    ) : (
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Book</th>
              <th scope="col">SKU</th>
              <th scope="col" class="number">
                Available
              </th>
              <th scope="col" class="number">
                Warn at
              </th>
            </tr>
          </thead>
          <tbody>
            {listings.map((listing) => (
              <tr>
                <th scope="row">
                  <a href={`/console/listings/${listing.id}`}>{listing.title}</a>
                </th>
                <td>{listing.sku}</td>
                <td class="number">{listing.available}</td>
                <td class="number">{listing.lowStockThreshold}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
);

const dayPoints = (daily: SellerDashboard["daily"]) =>
  daily.map((day) => ({ at: Date.parse(`${day.date}T00:00:00Z`) / 1000, label: day.date }));

const refundNote = (refunds: { count: number; amount: Money }) =>
  `${refunds.count} ${refunds.count === 1 ? "refund" : "refunds"}`;

/** The shop at a glance: what to send, what sold, what was paid out, what runs out, what the printer still has. */
export const Dashboard: FC<DashboardProps> = ({ storeName, figures, lowStock, waitingPrintJobs, payouts }) => (
  <>
    <h1>{storeName}</h1>
    <p class="muted">Days are UTC days; today included.</p>
    <section aria-labelledby="figures-title">
      <h2 id="figures-title" class="visually-hidden">
        Key figures
      </h2>
      <ul class="grid figures">
        <Figure
          label="Orders awaiting shipment"
          value={String(figures.awaitingShipment.count)}
          href="/console/orders"
        />
        <Figure label="Revenue today" value={price(figures.revenue.today)} />
        <Figure label="Revenue, last 7 days" value={price(figures.revenue.last7Days)} />
        <Figure label="Revenue, last 30 days" value={price(figures.revenue.last30Days)} />
        <Figure label="Copies sold, last 30 days" value={String(figures.unitsSoldLast30Days)} />
        <Figure
          label="Refunded, last 30 days"
          value={price(figures.refundsLast30Days.amount)}
          note={refundNote(figures.refundsLast30Days)}
        />
        <Figure label="Print jobs waiting" value={String(waitingPrintJobs)} href="/console/print-jobs?status=waiting" />
      </ul>
    </section>
    <AwaitingShipment awaiting={figures.awaitingShipment} />
    <PayoutsPanel payouts={payouts} />
    <section aria-labelledby="daily-title">
      <h2 id="daily-title">The last 30 days</h2>
      <Chart
        id="daily-revenue"
        caption="Revenue per day"
        pointName="Day"
        points={dayPoints(figures.daily)}
        series={[
          {
            label: `Revenue (${figures.currency})`,
            money: true,
            values: figures.daily.map((day) => day.revenue.amount),
          },
        ]}
      />
      <Chart
        id="daily-units"
        caption="Copies sold per day"
        pointName="Day"
        points={dayPoints(figures.daily)}
        series={[{ label: "Copies", values: figures.daily.map((day) => day.units) }]}
      />
      <p>
        <a href="/console/reports/sales">The sales report</a> has weeks, other dates, the best-selling books and a CSV.
      </p>
    </section>
    <LowStock listings={lowStock} />
  </>
);
