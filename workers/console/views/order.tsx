import type { FC } from "hono/jsx";
import type { SellerOrderDetail } from "../../orders";
import {
  AMOUNT_FORM,
  AmountRefundForm,
  DeliveredForm,
  LineRefundForm,
  lineFormId,
  type OrderForms,
  SHIP_FORM,
  ShipForm,
} from "./order-forms";
import { Notice, price, Status, When } from "./parts";
import { TableFrame } from "./table-frame";

/** One seller order: what to pack and where to send it, what happened to it, and what the seller may do next. */

type Address = NonNullable<SellerOrderDetail["shipTo"]>;

/** The buyer's address as a label prints it, one line a field. */
export const PostalAddress: FC<{ address: Address }> = ({ address }) => (
  <address>
    {[
      address.name,
      address.line1,
      address.line2,
      `${address.postalCode} ${address.city}`,
      address.region,
      address.country,
    ]
      .filter(Boolean)
      .map((line) => (
        <>
          {line}
          <br />
        </>
      ))}
  </address>
);

const SHIPPABLE: readonly string[] = ["paid", "partially_refunded"];
const REFUNDABLE: readonly string[] = ["paid", "shipped", "delivered", "partially_refunded"];

const canShip = (order: SellerOrderDetail) => SHIPPABLE.includes(order.status) && !order.shipment;
const canRefund = (order: SellerOrderDetail) => REFUNDABLE.includes(order.status);
const refundableLines = (order: SellerOrderDetail) =>
  canRefund(order) ? order.lines.filter((line) => line.quantity > line.refundedQuantity) : [];

/** Whether the page shows the form a submit came from: a refusal is said on its form, else above the page. */
export function showsForm(order: SellerOrderDetail, formId: string): boolean {
  if (formId === SHIP_FORM) return canShip(order);
  if (formId === AMOUNT_FORM) return canRefund(order);
  return refundableLines(order).some((line) => lineFormId(line.id) === formId);
}

const DONE: Record<string, string> = {
  shipped: "Marked as shipped; the buyer was sent the tracking details.",
  delivered: "Marked as delivered.",
  refunded: "Refund issued; the buyer was told.",
};

type Line = SellerOrderDetail["lines"][number];

/** A line's promotions, each with what it took off and whether the seller or the marketplace pays for it. */
const Discounts: FC<{ line: Line }> = ({ line }) =>
  line.discounts.length === 0 ? (
    <>–</>
  ) : (
    <ul class="plain-list">
      {line.discounts.map((discount) => (
        <li>
          {`${discount.name}${discount.code ? ` (${discount.code})` : ""}: −${price(discount.amount)}`}
          <span class="field-hint">
            {discount.fundedBy === "seller" ? "funded by you" : "funded by the marketplace"}
          </span>
        </li>
      ))}
    </ul>
  );

const Lines: FC<{ order: SellerOrderDetail }> = ({ order }) => (
  <TableFrame label="Books in this order">
    <table>
      <caption class="visually-hidden">Books in this order</caption>
      <thead>
        <tr>
          <th scope="col">Book</th>
          <th scope="col" class="number">
            Copies
          </th>
          <th scope="col" class="number">
            Each
          </th>
          <th scope="col">Cover option</th>
          <th scope="col">Inscription</th>
          <th scope="col">Discounts</th>
          <th scope="col" class="number">
            Line total
          </th>
          <th scope="col" class="number">
            Refunded
          </th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((line) => (
          <tr>
            <th scope="row">
              {line.title}
              <span class="field-hint">{`ISBN ${line.isbn13} · ${line.condition.replaceAll("_", " ")}`}</span>
            </th>
            <td class="number">{line.quantity}</td>
            <td class="number">{price(line.unitPrice)}</td>
            <td>{line.cover ? `${line.cover.name} (${price(line.cover.price)})` : "–"}</td>
            <td>{line.inscription ?? "–"}</td>
            <td>
              <Discounts line={line} />
            </td>
            <td class="number">{price(line.lineTotal)}</td>
            <td class="number">
              {line.refundedQuantity > 0 || line.refunded.amount > 0
                ? `${price(line.refunded)} (${line.refundedQuantity})`
                : "–"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </TableFrame>
);

const Summary: FC<{ order: SellerOrderDetail }> = ({ order }) => (
  <dl class="facts">
    <dt>Buyer's order</dt>
    <dd class="long-id">{order.orderId}</dd>
    <dt>Placed</dt>
    <dd>
      <When at={order.createdAt} />
    </dd>
    <dt>Paid</dt>
    <dd>
      <When at={order.paidAt} />
    </dd>
    <dt>Books</dt>
    <dd>{price(order.totals.items)}</dd>
    <dt>Cover options</dt>
    <dd>{price(order.totals.covers)}</dd>
    <dt>Shipping ({order.shippingMethod})</dt>
    <dd>{price(order.totals.shipping)}</dd>
    {order.discountTotal.amount > 0 && (
      <>
        <dt>Discounts</dt>
        <dd>
          {`−${price(order.discountTotal)}`}
          <span class="field-hint">
            {`${price(order.sellerFundedDiscount)} funded by you, ${price(order.platformFundedDiscount)} by the marketplace`}
          </span>
        </dd>
      </>
    )}
    <dt>Total (the buyer paid)</dt>
    <dd>{price(order.totals.total)}</dd>
    {order.tax.lines.map((line) => (
      <>
        <dt>{line.name}</dt>
        <dd>{`${price(line.tax)} included in ${price(line.taxable)}`}</dd>
      </>
    ))}
    <dt>Your proceeds (before fees)</dt>
    <dd>{price(order.proceeds)}</dd>
    <dt>Refunded</dt>
    <dd>{price(order.totals.refunded)}</dd>
  </dl>
);

const Shipment: FC<{ order: SellerOrderDetail; token: string }> = ({ order, token }) => {
  const shipment = order.shipment;
  if (!shipment) return null;
  return (
    <section class="panel" aria-labelledby="shipment-title">
      <h2 id="shipment-title">Shipment</h2>
      <dl class="facts">
        <dt>Carrier</dt>
        <dd>{shipment.carrier}</dd>
        <dt>Tracking number</dt>
        <dd>
          {shipment.trackingUrl ? (
            <a href={shipment.trackingUrl} rel="noopener noreferrer">
              {shipment.trackingNumber}
            </a>
          ) : (
            shipment.trackingNumber
          )}
        </dd>
        <dt>Shipped</dt>
        <dd>
          <When at={shipment.shippedAt} />
        </dd>
        <dt>Delivered</dt>
        <dd>
          <When at={shipment.deliveredAt} />
        </dd>
      </dl>
      {!shipment.deliveredAt && order.status !== "refunded" && <DeliveredForm order={order} token={token} />}
    </section>
  );
};

type Refund = SellerOrderDetail["refunds"][number];

/** The copies a refund took back; an amount spread over lines takes back none. */
function copiesOf(refund: Refund, titles: Map<string, string>) {
  const copies = refund.lines.filter((line) => line.quantity > 0);
  if (copies.length === 0) return "–";
  return copies.map((line) => `${line.quantity} × ${titles.get(line.lineId) ?? line.lineId}`).join(", ");
}

const Refunds: FC<{ order: SellerOrderDetail }> = ({ order }) => {
  const titles = new Map(order.lines.map((line) => [line.id, line.title]));
  return (
    <section aria-labelledby="refunds-title">
      <h2 id="refunds-title">Refunds</h2>
      {order.refunds.length === 0 ? (
        <p>No refunds.</p>
      ) : (
        <TableFrame label="Refunds">
          <table aria-labelledby="refunds-title">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col" class="number">
                  Amount
                </th>
                <th scope="col">Copies</th>
                <th scope="col">Back on sale</th>
                <th scope="col">Reason</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {order.refunds.map((refund) => (
                <tr>
                  <td>
                    <When at={refund.createdAt} />
                  </td>
                  <td class="number">{price(refund.amount)}</td>
                  <td>{copiesOf(refund, titles)}</td>
                  <td>{refund.restocked ? "Yes" : "No"}</td>
                  <td>{refund.reason}</td>
                  <td>
                    <Status status={refund.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      )}
    </section>
  );
};

const History: FC<{ order: SellerOrderDetail }> = ({ order }) => (
  <section aria-labelledby="history-title">
    <h2 id="history-title">Status history</h2>
    <TableFrame label="Status history">
      <table aria-labelledby="history-title">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Status</th>
            <th scope="col">By</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {order.history.map((entry) => (
            <tr>
              <td>
                <When at={entry.at} />
              </td>
              <td>
                {entry.from ? `${entry.from.replaceAll("_", " ")} → ` : ""}
                <Status status={entry.to} />
              </td>
              <td>{entry.actor}</td>
              <td>{entry.reason ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  </section>
);

const RefundForms: FC<{ order: SellerOrderDetail; forms: OrderForms; token: string }> = ({ order, forms, token }) => {
  if (!canRefund(order)) return null;
  const lines = refundableLines(order);
  return (
    <section class="panel" aria-labelledby="refund-title">
      <h2 id="refund-title">Refund</h2>
      <p class="muted">The buyer gets the money back on their payment method and a mail saying so.</p>
      {lines.map((line) => (
        <LineRefundForm order={order} line={line} form={forms[lineFormId(line.id)]} token={token} />
      ))}
      <AmountRefundForm order={order} form={forms[AMOUNT_FORM]} token={token} />
    </section>
  );
};

interface OrderPageProps {
  order: SellerOrderDetail;
  forms: OrderForms;
  /** A refusal of a form the page no longer shows (the order moved on meanwhile). */
  problem?: string;
  done?: string;
  token: string;
}

export const OrderPage: FC<OrderPageProps> = ({ order, forms, problem, done, token }) => (
  <>
    <p>
      <a href="/console/orders">All orders</a>
    </p>
    <h1>
      Order <span class="long-id">{order.id}</span>
      <Status status={order.status} />
    </h1>
    {done && DONE[done] && <Notice kind="ok">{DONE[done]}</Notice>}
    {problem && <Notice kind="error">{problem}</Notice>}
    <div class="grid">
      <section class="panel" aria-labelledby="ship-to-title">
        <h2 id="ship-to-title">Ship to</h2>
        {order.shipTo ? (
          <PostalAddress address={order.shipTo} />
        ) : (
          <p class="muted">The buyer's address is shown while there is something to send.</p>
        )}
        <p>
          <a class="button secondary" href={`/console/orders/${order.id}/packing-slip`}>
            Packing slip
          </a>
        </p>
      </section>
      <section class="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <Summary order={order} />
      </section>
    </div>
    <h2>Books</h2>
    <Lines order={order} />
    {canShip(order) && <ShipForm order={order} form={forms[SHIP_FORM]} token={token} />}
    <Shipment order={order} token={token} />
    <RefundForms order={order} forms={forms} token={token} />
    <Refunds order={order} />
    <History order={order} />
  </>
);
