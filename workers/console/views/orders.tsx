import type { FC } from "hono/jsx";
import type { SellerOrderDetail } from "../../orders";
import { FieldError, Pager, price, Status, When } from "./parts";
import { TableFrame } from "./table-frame";

/** The orders queue: the seller's part of buyers' orders, by default those still to send. */

export type SellerOrderRow = Omit<SellerOrderDetail, "history" | "refunds">;

/** The queue's views: what still has to go out, everything, or one status. */
export const ORDER_VIEWS = [
  ["to_ship", "To ship"],
  ["all", "All orders"],
  ["paid", "Paid"],
  ["shipped", "Shipped"],
  ["delivered", "Delivered"],
  ["partially_refunded", "Partly refunded"],
  ["refunded", "Refunded"],
  ["cancelled", "Cancelled"],
  ["pending_payment", "Awaiting payment"],
  ["payment_failed", "Payment failed"],
  ["expired", "Expired"],
] as const;

export const orderPath = (id: string) => `/console/orders/${id}`;

const Books: FC<{ order: SellerOrderRow }> = ({ order }) => (
  <ul class="plain-list">
    {order.lines.map((line) => (
      <li>{`${line.quantity} × ${line.title}`}</li>
    ))}
  </ul>
);

const OrderRows: FC<{ orders: SellerOrderRow[] }> = ({ orders }) => (
  <TableFrame label="Seller orders">
    <table class="order-queue">
      <caption class="visually-hidden">Seller orders, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Order</th>
          <th scope="col">Paid</th>
          <th scope="col">Ship to</th>
          <th scope="col">Books</th>
          <th scope="col" class="number">
            Total
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {orders.map((order) => (
          <tr>
            <th scope="row" class="order-cell">
              <a class="long-id" href={orderPath(order.id)}>
                {order.id}
              </a>
              {order.shippingMethod === "express" && <span class="muted"> · express</span>}
            </th>
            <td>
              <When at={order.paidAt} />
            </td>
            <td>{order.shipTo ? `${order.shipTo.name}, ${order.shipTo.city} (${order.shipTo.country})` : "–"}</td>
            <td>
              <Books order={order} />
            </td>
            <td class="number">{price(order.totals.total)}</td>
            <td>
              <Status status={order.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableFrame>
);

interface QueueProps {
  view: string;
  error?: string;
  orders: SellerOrderRow[];
  query: Record<string, string | undefined>;
  nextCursor: string | null;
}

/** The table and its pager: what the filter swaps in place (htmx) or the whole page carries. */
export const OrderQueue: FC<QueueProps> = ({ view, orders, query, nextCursor }) => (
  <div id="order-queue">
    {orders.length === 0 ? (
      <p>{view === "to_ship" ? "Nothing to ship: every paid order has gone out." : "No orders here."}</p>
    ) : (
      <OrderRows orders={orders} />
    )}
    <Pager base="/console/orders" query={query} next={nextCursor} />
  </div>
);

export const OrdersPage: FC<QueueProps> = (props) => (
  <>
    <h1>Orders</h1>
    {/* Filled by console.js as orders are paid, announced politely; without the script it stays empty. */}
    <div class="live-orders" aria-live="polite" data-live-orders />
    <form
      class="filters"
      method="get"
      action="/console/orders"
      hx-get="/console/orders"
      hx-target="#order-queue"
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      <div>
        <label for="field-status">Show</label>
        <select
          id="field-status"
          name="status"
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={props.error ? "field-status-error" : undefined}
        >
          {ORDER_VIEWS.map(([value, label]) => (
            <option value={value} selected={props.view === value}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id="field-status-error" error={props.error} />
      </div>
      <button type="submit">Show orders</button>
    </form>
    <OrderQueue {...props} />
  </>
);
