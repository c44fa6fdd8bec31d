import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { notificationsContext } from "../context";
import { PreferencesChange, PreferencesSchema } from "../schemas";
import { choosePreferences, preferencesOf } from "../service/preferences";

const tags = ["Notifications"];

const getPreferences = securedRoute({
  method: "get",
  path: "/v1/me/notification-preferences",
  operationId: "getNotificationPreferences",
  tags,
  summary: "What the account is told about, per category and channel",
  description:
    "Every category (orders, community, seller_alerts, support, marketing) × channel (email, sms, push, in_app), " +
    "with the defaults for what was never chosen: everything on but marketing (off until opted in) and SMS for " +
    "community. Security mail (verification, password reset, new sign-in) is always sent by email.",
  responses: { 200: jsonContent(PreferencesSchema, "The preferences") },
});

const putPreferences = securedRoute({
  method: "put",
  path: "/v1/me/notification-preferences",
  operationId: "updateNotificationPreferences",
  tags,
  summary: "Change some choices; the rest stay as they are",
  description:
    "Takes a partial matrix (`{categories: {community: {email: false}}}`) and merges it. An unknown category or " +
    "channel is 400 `validation_failed`; turning security mail off is 400 `security_mail_required`. Answers the " +
    "whole matrix after the change.",
  request: { body: { content: { "application/json": { schema: PreferencesChange } }, required: true } },
  responses: { 200: jsonContent(PreferencesSchema, "The preferences after the change"), ...problems(400, 415) },
});

export const preferenceRoutes = createRouter()
  .openapi(getPreferences, async (c) =>
    c.json(await preferencesOf(notificationsContext(c), principalOf(c).userId), 200),
  )
  .openapi(putPreferences, async (c) => {
    const view = await choosePreferences(notificationsContext(c), principalOf(c).userId, c.req.valid("json"));
    return c.json(view, 200);
  });
