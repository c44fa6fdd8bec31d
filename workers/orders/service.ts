import { storeNames } from "../identity/service";
import type { Services } from "../platform/services";
import * as store from "./store";
import type { OrderState } from "./transitions";
import { type OrderView, orderView } from "./views";

/** An order as its buyer sees it: seller orders with store names and tracking, and the status history. */
export async function presentOrder(services: Services, state: OrderState): Promise<OrderView> {
  const [names, shipments, history] = await Promise.all([
    storeNames(
      { services },
      state.sellerOrders.map((row) => row.sellerId),
    ),
    store.shipmentsOf(services.db, state.order.id),
    store.historyOf(services.db, state.order.id),
  ]);
  return orderView(state, { storeNames: names, shipments, history });
}
