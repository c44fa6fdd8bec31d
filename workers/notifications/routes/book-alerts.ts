import { createRouter } from "../../http/router";
import { jsonContent, PageQuery, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { notificationsContext } from "../context";
import { BookAlertBody, BookAlertIdParam, BookAlertPage, BookAlertSchema, IsbnParam } from "../schemas";
import { bookAlertsOf, deleteBookAlert, MAX_OPEN_ALERTS, setBookAlert } from "../service/book-alerts";

const tags = ["Book alerts"];

const setAlert = securedRoute({
  method: "post",
  path: "/v1/books/{isbn}/alerts",
  operationId: "setBookAlert",
  tags,
  summary: "Ask to be told once when a book is for sale again, or offered below a price",
  description:
    "`back_in_stock` is met by a copy for sale, `price_below` by one offered for less than `price` (in the " +
    "marketplace's currency, minor units); `condition` asks for copies at least that good. The first listing " +
    "event that shows such an offer (a new listing; a change of its price, condition, copies or status; copies " +
    "coming back) tells the reader once, in the feed and through the channels their `orders` preferences allow, " +
    `and the alert is done. The same open alert set again is answered as it is (200). At most ${MAX_OPEN_ALERTS} ` +
    "open alerts per reader (422). An ISBN of no edition is 404.",
  request: {
    params: IsbnParam,
    body: { content: { "application/json": { schema: BookAlertBody } }, required: true },
  },
  responses: {
    201: jsonContent(BookAlertSchema, "The alert"),
    200: jsonContent(BookAlertSchema, "The same open alert, set before"),
    ...problems(400, 404, 415, 422),
  },
});

const listAlerts = securedRoute({
  method: "get",
  path: "/v1/me/alerts",
  operationId: "listMyBookAlerts",
  tags,
  summary: "Your book alerts, open and met, newest first",
  description:
    "Pages with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20). A met alert has " +
    "`firedAt` and the listing that met it.",
  request: { query: PageQuery },
  responses: { 200: jsonContent(BookAlertPage, "One page of alerts"), ...problems(400) },
});

const deleteAlert = securedRoute({
  method: "delete",
  path: "/v1/me/alerts/{id}",
  operationId: "deleteMyBookAlert",
  tags,
  summary: "Delete one of your book alerts",
  description: "Another reader's alert is 404, the same as an unknown one.",
  request: { params: BookAlertIdParam },
  responses: { 204: { description: "Deleted" }, ...problems(400, 404) },
});

export const bookAlertRoutes = createRouter()
  .openapi(setAlert, async (c) => {
    const { isbn } = c.req.valid("param");
    const set = await setBookAlert(notificationsContext(c), principalOf(c).userId, isbn, c.req.valid("json"));
    return set.created ? c.json(set.alert, 201) : c.json(set.alert, 200);
  })
  .openapi(listAlerts, async (c) => {
    return c.json(await bookAlertsOf(notificationsContext(c), principalOf(c).userId, c.req.valid("query")), 200);
  })
  .openapi(deleteAlert, async (c) => {
    await deleteBookAlert(notificationsContext(c), principalOf(c).userId, c.req.valid("param").id);
    return c.body(null, 204);
  });
