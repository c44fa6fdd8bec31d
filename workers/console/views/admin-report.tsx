import type { FC } from "hono/jsx";
import type { AdminWeeklyReport } from "../../insights";
import { Chart } from "./chart";
import { price } from "./parts";

const percent = (share: number) => `${Math.round(share * 1000) / 10} %`;

/** The marketplace's week for admins: takings and ratings per day charted, the top books and the sellers tabled. */
export const AdminReportPage: FC<{ report: AdminWeeklyReport }> = ({ report }) => {
  const money = (amount: number) => price({ amount, currency: report.currency });
  const points = report.sales.days.map((day) => ({ at: Date.parse(day.day) / 1000, label: day.day }));
  const { totals } = report.sales;
  return (
    <section aria-labelledby="admin-report-title">
      <h1 id="admin-report-title">Weekly report {report.week}</h1>
      <p>
        <a href={`/console/admin/reports.csv?week=${report.week}`}>Download as CSV</a>
      </p>
      <ul class="grid figures">
        <li class="panel">
          <p class="figure-label">GMV</p>
          <p class="figure">{money(totals.gmv)}</p>
        </li>
        <li class="panel">
          <p class="figure-label">Orders</p>
          <p class="figure">{totals.orders}</p>
        </li>
        <li class="panel">
          <p class="figure-label">Average order</p>
          <p class="figure">{money(totals.averageOrderValue)}</p>
        </li>
        <li class="panel">
          <p class="figure-label">Active buyers</p>
          <p class="figure">{report.engagement.activeBuyers}</p>
        </li>
        <li class="panel">
          <p class="figure-label">New accounts</p>
          <p class="figure">{report.engagement.newAccounts}</p>
        </li>
      </ul>
      <Chart
        id="admin-sales"
        caption="GMV and orders per day"
        pointName="Day"
        points={points}
        series={[
          { label: "GMV", money: true, values: report.sales.days.map((day) => day.gmv) },
          { label: "Orders", values: report.sales.days.map((day) => day.orders) },
        ]}
      />
      <Chart
        id="admin-ratings"
        caption="Reviews and average rating per day"
        pointName="Day"
        points={points}
        series={[
          { label: "Reviews", values: report.reviews.days.map((day) => day.reviews) },
          { label: "Average rating", values: report.reviews.days.map((day) => day.averageRating) },
        ]}
      />
      <h2>Popular books</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Book</th>
              <th scope="col" class="number">
                Views
              </th>
              <th scope="col" class="number">
                Cart adds
              </th>
              <th scope="col" class="number">
                Bought
              </th>
            </tr>
          </thead>
          <tbody>
            {report.popularBooks.map((book) => (
              <tr>
                <th scope="row">{book.title || book.isbn13}</th>
                <td class="number">{book.views}</td>
                <td class="number">{book.cartAdds}</td>
                <td class="number">{book.bought}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Sellers</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" class="number">
                Rank
              </th>
              <th scope="col">Store</th>
              <th scope="col" class="number">
                GMV
              </th>
              <th scope="col" class="number">
                Orders
              </th>
              <th scope="col" class="number">
                Fulfilled
              </th>
              <th scope="col" class="number">
                Cancelled
              </th>
              <th scope="col" class="number">
                Returns
              </th>
            </tr>
          </thead>
          <tbody>
            {report.sellers.map((seller) => (
              <tr>
                <td class="number">{seller.rank}</td>
                <th scope="row">{seller.storeName}</th>
                <td class="number">{money(seller.gmv)}</td>
                <td class="number">{seller.orders}</td>
                <td class="number">{percent(seller.fulfilmentRate)}</td>
                <td class="number">{percent(seller.cancellationRate)}</td>
                <td class="number">{percent(seller.returnRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};
