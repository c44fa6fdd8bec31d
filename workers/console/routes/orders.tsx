import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import {
  markDelivered,
  ordersContextOf,
  RefundBody,
  refundSellerOrder,
  type SellerOrderDetail,
  SellerOrdersQuery,
  ShipmentBody,
  sellerOrder,
  sellerOrders,
  shipOrder,
} from "../../orders";
import { formFields, minorUnits, refusal } from "../forms";
import { csrfOf, isFragmentRequest, plainPage, shopOf, shopPage } from "../render";
import { OrderPage, showsForm } from "../views/order";
import { AMOUNT_FORM, lineFormId, type OrderForms, SHIP_FORM } from "../views/order-forms";
import { OrderQueue, OrdersPage } from "../views/orders";
import { PackingSlip } from "../views/packing-slip";
import type { FormState } from "../views/parts";

/** The queue's view in the URL (`?status=`) as the API's query: to ship (the default), all, or one status. */
function queueQuery(view: string, cursor: string | undefined) {
  if (view === "to_ship") return { toShip: "true", cursor };
  if (view === "all") return { cursor };
  return { status: view, cursor };
}

function orderPage(c: Context<AppEnv>, order: SellerOrderDetail, refused?: { formId: string; form: FormState }) {
  const forms: OrderForms = {};
  let problem: string | undefined;
  if (refused && showsForm(order, refused.formId)) forms[refused.formId] = refused.form;
  else if (refused) problem = refused.form.message ?? Object.values(refused.form.errors)[0];
  return shopPage(
    c,
    { title: `Order ${order.id}`, status: refused?.form.status },
    <OrderPage order={order} forms={forms} problem={problem} done={c.req.query("done")} token={csrfOf(c)} />,
  );
}

/** The refund form's fields as the API's body; a number the seller mistyped is said beside its field. */
function refundRequest(
  values: Record<string, string>,
  currency: string,
): { body: unknown } | { errors: FormState["errors"] } {
  const restock = values.restock === "on";
  const reason = values.reason ?? "";
  if (values.lineId) {
    const quantity = /^\s*\d{1,3}\s*$/.test(values.quantity ?? "") ? Number(values.quantity) : undefined;
    if (quantity === undefined) return { errors: { quantity: "Say how many copies, as a whole number." } };
    return { body: { lines: [{ lineId: values.lineId, quantity }], reason, restock } };
  }
  if (!values.amount?.trim()) return { body: { reason, restock } };
  const amount = minorUnits(values.amount);
  if (amount === undefined) return { errors: { amount: "An amount such as 5.00." } };
  return { body: { amount: { amount, currency }, reason, restock } };
}

/** The to-ship queue, one seller order's page and packing slip, and what the seller does with it. */
export const orderRoutes = new Hono<AppEnv>()
  .get("/orders", async (c) => {
    const view = c.req.query("status") ?? "to_ship";
    const cursor = c.req.query("cursor");
    const query = { status: view === "to_ship" ? undefined : view, cursor };
    const parsed = SellerOrdersQuery.safeParse(queueQuery(view, cursor));
    const props = { view, query, orders: [], nextCursor: null };
    if (!parsed.success) {
      const error = "Choose one of the listed views.";
      return shopPage(c, { title: "Orders", status: 400 }, <OrdersPage {...props} error={error} />);
    }
    const page = await sellerOrders(ordersContextOf(c), shopOf(c).id, parsed.data);
    const shown = { ...props, orders: page.items, nextCursor: page.nextCursor };
    if (isFragmentRequest(c)) return c.html(<OrderQueue {...shown} />);
    return shopPage(c, { title: "Orders" }, <OrdersPage {...shown} />);
  })
  .get("/orders/:id", async (c) => orderPage(c, await sellerOrder(ordersContextOf(c), shopOf(c).id, c.req.param("id"))))
  .get("/orders/:id/packing-slip", async (c) => {
    const order = await sellerOrder(ordersContextOf(c), shopOf(c).id, c.req.param("id"));
    return plainPage(
      c,
      { title: `Packing slip ${order.id}` },
      <PackingSlip order={order} storeName={shopOf(c).storeName} />,
    );
  })
  .post("/orders/:id/ship", async (c) => {
    const ctx = ordersContextOf(c);
    const sellerId = shopOf(c).id;
    // Whose order it is comes before anything the form says: another seller's is the 404 page.
    const order = await sellerOrder(ctx, sellerId, c.req.param("id"));
    const values = await formFields(c);
    try {
      const input = ShipmentBody.parse({ ...values, trackingUrl: values.trackingUrl?.trim() || undefined });
      try {
        await shipOrder(ctx, sellerId, order.id, input);
      } catch (error) {
        // The same form sent twice (a double click): the first one shipped it with this very tracking number.
        const now = await sellerOrder(ctx, sellerId, order.id);
        if (now.shipment?.trackingNumber !== input.trackingNumber || now.shipment.carrier !== input.carrier)
          throw error;
      }
      return c.redirect(`/console/orders/${order.id}?done=shipped`, 303);
    } catch (error) {
      const form = refusal(values, error);
      return orderPage(c, await sellerOrder(ctx, sellerId, order.id), { formId: SHIP_FORM, form });
    }
  })
  .post("/orders/:id/delivered", async (c) => {
    const ctx = ordersContextOf(c);
    const sellerId = shopOf(c).id;
    const order = await sellerOrder(ctx, sellerId, c.req.param("id"));
    try {
      await markDelivered(ctx, sellerId, order.id);
    } catch (error) {
      // Sent twice: the first one already marked it.
      const now = await sellerOrder(ctx, sellerId, order.id);
      if (!(error instanceof AppError) || !now.shipment?.deliveredAt) throw error;
    }
    return c.redirect(`/console/orders/${order.id}?done=delivered`, 303);
  })
  .post("/orders/:id/refunds", async (c) => {
    const ctx = ordersContextOf(c);
    const sellerId = shopOf(c).id;
    const order = await sellerOrder(ctx, sellerId, c.req.param("id"));
    const values = await formFields(c);
    const formId = values.lineId ? lineFormId(values.lineId) : AMOUNT_FORM;
    const refused = (form: FormState) => orderPage(c, order, { formId, form });
    const request = refundRequest(values, order.totals.total.currency);
    if ("errors" in request) return refused({ values, errors: request.errors, status: 422 });
    try {
      const input = RefundBody.parse(request.body);
      await refundSellerOrder(ctx, sellerId, order.id, input, values.idempotencyKey ?? "");
      return c.redirect(`/console/orders/${order.id}?done=refunded`, 303);
    } catch (error) {
      return refused(refusal(values, error, { lines: "quantity" }));
    }
  });
