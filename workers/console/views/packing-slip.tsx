import type { FC } from "hono/jsx";
import type { SellerOrderDetail } from "../../orders";
import { PostalAddress } from "./order";
import { When } from "./parts";

/** The sheet that goes into the parcel: who it is from and for, and every copy with its cover and inscription. */
export const PackingSlip: FC<{ order: SellerOrderDetail; storeName: string }> = ({ order, storeName }) => (
  <article class="packing-slip" aria-labelledby="slip-title">
    <div class="actions no-print">
      <button type="button" data-print>
        Print
      </button>
      <a href={`/console/orders/${order.id}`}>Back to the order</a>
    </div>
    <h1 id="slip-title">Packing slip</h1>
    <div class="slip-parties">
      <section aria-labelledby="slip-from">
        <h2 id="slip-from">From</h2>
        <p>{storeName}</p>
      </section>
      <section aria-labelledby="slip-to">
        <h2 id="slip-to">Ship to</h2>
        {order.shipTo ? <PostalAddress address={order.shipTo} /> : <p>No longer to be sent.</p>}
      </section>
    </div>
    <dl class="facts">
      <dt>Order</dt>
      <dd class="long-id">{order.orderId}</dd>
      <dt>Parcel</dt>
      <dd class="long-id">{order.id}</dd>
      <dt>Paid</dt>
      <dd>
        <When at={order.paidAt} date />
      </dd>
      <dt>Shipping</dt>
      <dd>{order.shippingMethod}</dd>
    </dl>
    <table class="slip-lines">
      <caption class="visually-hidden">Books in this parcel</caption>
      <thead>
        <tr>
          <th scope="col" class="number">
            Copies to pack
          </th>
          <th scope="col">Book</th>
          <th scope="col">Cover option</th>
          <th scope="col">Inscription</th>
          <th scope="col">Packed</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => (
          <tr>
            <td class="number">{line.quantity - line.refundedQuantity}</td>
            <th scope="row">
              {line.title}
              <span class="field-hint">{`ISBN ${line.isbn13} · ${line.condition.replaceAll("_", " ")}`}</span>
            </th>
            <td>{line.cover?.name ?? "–"}</td>
            <td>{line.inscription ?? "–"}</td>
            <td>
              <span class="tick-box" aria-hidden="true" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <p class="slip-thanks">{`Thank you for buying from ${storeName}.`}</p>
  </article>
);
