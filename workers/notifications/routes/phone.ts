import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { notificationsContext } from "../context";
import { PhoneBody, PhoneCodeBody, PhoneSchema } from "../schemas";
import { phoneOfUser, removePhoneOf, requestPhoneCode, verifyPhone } from "../service/phones";

const tags = ["Notification channels"];
const body = <T>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

const getPhone = securedRoute({
  method: "get",
  path: "/v1/me/phone",
  operationId: "getPhone",
  tags,
  summary: "The account's phone number for SMS notifications, and whether it is verified",
  description: "404 while the account has no number.",
  responses: { 200: jsonContent(PhoneSchema, "The number"), ...problems(404) },
});

const putPhone = securedRoute({
  method: "put",
  path: "/v1/me/phone",
  operationId: "setPhone",
  tags,
  summary: "Set the phone number and text it a six-digit code",
  description:
    "A new or changed number is unverified, and gets no SMS, until its code is entered at " +
    "`POST /v1/me/phone/verify`; calling this again sends a new code (the old one stops working). A code is good " +
    "for 10 minutes and 5 tries. The number already verified sends nothing. Codes sent are limited per account and " +
    "per number (429 with `Retry-After`); 503 when the SMS provider could not take the message.",
  request: { body: body(PhoneBody) },
  responses: {
    200: jsonContent(PhoneSchema, "The number, verified or waiting for its code"),
    ...problems(400, 415, 429, 503),
  },
});

const verify = securedRoute({
  method: "post",
  path: "/v1/me/phone/verify",
  operationId: "verifyPhone",
  tags,
  summary: "Verify the phone number with the code texted to it",
  description:
    "A wrong code is 422 `invalid_phone_code` with `triesLeft`; an expired one 422 `phone_code_expired`; after 5 " +
    "wrong codes 422 `too_many_code_attempts` (ask for a new code with `PUT /v1/me/phone`). A number already " +
    "verified is 409 `phone_already_verified`; no number at all is 404.",
  request: { body: body(PhoneCodeBody) },
  responses: { 200: jsonContent(PhoneSchema, "The verified number"), ...problems(400, 404, 409, 415, 422) },
});

const deletePhone = securedRoute({
  method: "delete",
  path: "/v1/me/phone",
  operationId: "deletePhone",
  tags,
  summary: "Remove the phone number: no more SMS",
  description: "Idempotent.",
  responses: { 204: { description: "Removed" } },
});

export const phoneRoutes = createRouter()
  .openapi(getPhone, async (c) => c.json(await phoneOfUser(notificationsContext(c), principalOf(c).userId), 200))
  .openapi(putPhone, async (c) => {
    const { phone } = c.req.valid("json");
    return c.json(await requestPhoneCode(notificationsContext(c), principalOf(c).userId, phone), 200);
  })
  .openapi(verify, async (c) => {
    const { code } = c.req.valid("json");
    return c.json(await verifyPhone(notificationsContext(c), principalOf(c).userId, code), 200);
  })
  .openapi(deletePhone, async (c) => {
    await removePhoneOf(notificationsContext(c), principalOf(c).userId);
    return c.body(null, 204);
  });
