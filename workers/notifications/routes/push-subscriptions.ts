import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { notificationsContext } from "../context";
import {
  NewPushSubscriptionSchema,
  PushEndpointBody,
  PushSubscriptionListSchema,
  PushSubscriptionSchema,
} from "../schemas";
import { addPushSubscription, pushSubscriptionList, removePushSubscription } from "../service/push-subscriptions";

const tags = ["Notification channels"];
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

const list = securedRoute({
  method: "get",
  path: "/v1/me/push-subscriptions",
  operationId: "listPushSubscriptions",
  tags,
  summary: "The account's Web Push subscriptions, and the VAPID public key to subscribe with",
  description:
    "Pass `vapidPublicKey` as `applicationServerKey` to `PushManager.subscribe()`; it is null while push is not " +
    "configured. Newest registration first.",
  responses: { 200: jsonContent(PushSubscriptionListSchema, "The subscriptions") },
});

const add = securedRoute({
  method: "post",
  path: "/v1/me/push-subscriptions",
  operationId: "addPushSubscription",
  tags,
  summary: "Register this browser's push subscription (`PushSubscription.toJSON()`)",
  description:
    "The same endpoint again is the same subscription, with the keys sent now, and moves to the caller if another " +
    "account had registered it. The endpoint must be https and `keys.p256dh` a P-256 point (422 " +
    "`invalid_push_subscription`). An account keeps its 20 newest registrations. A push service that answers 404 " +
    "or 410 for the endpoint removes the subscription.",
  request: { body: body(NewPushSubscriptionSchema) },
  responses: { 201: jsonContent(PushSubscriptionSchema, "Subscribed"), ...problems(400, 409, 415, 422) },
});

const remove = securedRoute({
  method: "delete",
  path: "/v1/me/push-subscriptions",
  operationId: "removePushSubscription",
  tags,
  summary: "Unregister a push subscription by its endpoint",
  description: "404 when the caller has no subscription with that endpoint.",
  request: { body: body(PushEndpointBody) },
  responses: { 204: { description: "Removed" }, ...problems(400, 404, 415) },
});

export const pushSubscriptionRoutes = createRouter()
  .openapi(list, async (c) => c.json(await pushSubscriptionList(notificationsContext(c), principalOf(c).userId), 200))
  .openapi(add, async (c) => {
    const subscription = await addPushSubscription(
      notificationsContext(c),
      principalOf(c).userId,
      c.req.valid("json"),
      c.req.header("user-agent") ?? null,
    );
    return c.json(subscription, 201);
  })
  .openapi(remove, async (c) => {
    await removePushSubscription(notificationsContext(c), principalOf(c).userId, c.req.valid("json").endpoint);
    return c.body(null, 204);
  });
