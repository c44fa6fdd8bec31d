import { AppError } from "../../http/errors";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { notificationsContext } from "../context";
import { OneClickForm, UnsubscribedSchema, UnsubscribeJson, UnsubscribeQuery } from "../schemas";
import { unsubscribe } from "../service/unsubscribe";

const unsubscribeRoute = publicRoute({
  method: "post",
  path: "/v1/notifications/unsubscribe",
  operationId: "unsubscribeFromMail",
  tags: ["Notifications"],
  summary: "One-click unsubscribe (RFC 8058): turn off one category's mail",
  description:
    "What a mail client posts for the mail's `List-Unsubscribe` header: the token in the query, the body " +
    "`List-Unsubscribe=One-Click` (form-encoded). A JSON body `{token}` works too. The token names the user and " +
    "the category; that category's email is turned off, and nothing else. A token that is forged, altered or " +
    "malformed is 404.",
  request: {
    query: UnsubscribeQuery,
    body: {
      content: {
        "application/x-www-form-urlencoded": { schema: OneClickForm },
        "multipart/form-data": { schema: OneClickForm },
        "application/json": { schema: UnsubscribeJson },
      },
      required: false,
    },
  },
  responses: { 200: jsonContent(UnsubscribedSchema, "Unsubscribed"), ...problems(400, 404, 415) },
});

export const unsubscribeRoutes = createRouter().openapi(unsubscribeRoute, async (c) => {
  const body = c.req.valid("json") as { token?: string };
  const token = c.req.valid("query").token ?? body.token;
  if (!token) throw new AppError("validation_failed", "Send the token from the mail's link.");
  const { category } = await unsubscribe(notificationsContext(c), token);
  return c.json({ unsubscribed: { category, channel: "email" as const } }, 200);
});
