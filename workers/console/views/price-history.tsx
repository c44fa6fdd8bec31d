import type { FC } from "hono/jsx";
import type { PricePoint } from "../../catalog";
import { chartJson } from "./chart";
import { price, When } from "./parts";

/** The listing's price over time: a uPlot chart (JavaScript) and the same prices as a table (for everyone). */
export const PriceHistory: FC<{ points: PricePoint[]; current: PricePoint["price"]; more: boolean }> = ({
  points,
  current,
  more,
}) => {
  // The line runs on to today at the current price, so a listing that never changed still draws one.
  const seconds = [...points.map((point) => Date.parse(point.changedAt) / 1000), Math.floor(Date.now() / 1000)];
  const values = [...points.map((point) => point.price.amount), current.amount];
  const data = { x: seconds, series: [{ label: `Price (${current.currency})`, money: true, step: true, values }] };
  return (
    <section class="panel" aria-labelledby="price-history-title">
      <h2 id="price-history-title">Price history</h2>
      <figure class="chart">
        <div data-chart="price-history-data" aria-hidden="true" />
        <script type="application/json" id="price-history-data">
          {chartJson(data)}
        </script>
        <figcaption class="muted">
          {points.length === 1 ? "One price since it was listed." : `${points.length} prices since it was listed.`}
          {more && " The first 100 are shown."}
        </figcaption>
      </figure>
      <details class="chart-data">
        <summary>Every price, as a table</summary>
        <table>
          <caption class="visually-hidden">Prices of this listing, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" class="number">
                Price
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr>
                <td>
                  <When at={point.changedAt} />
                </td>
                <td class="number">{price(point.price)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
};
