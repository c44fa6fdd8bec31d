import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { promotionsContext } from "../context";
import {
  CreatePromotionBody,
  IfMatchHeaders,
  PromotionIdParam,
  PromotionPageSchema,
  SellerPromotionsQuery,
  UpdatePromotionBody,
} from "../schemas";
import { createPromotion, promotion, sellerPromotions, updatePromotion } from "../service/promotions";
import { jsonBody, promotionReply, sellerManager, withEtag } from "./replies";

const tags = ["Seller promotions"];

const KIND_TERMS =
  "`percent_off` takes `percentOff`; `amount_off` `amountOff`; `buy_x_get_y` `buyQuantity` and `getQuantity` " +
  "(of every X + Y qualifying copies the Y cheapest are free); `fixed_price_bundle` `bundleQuantity` and " +
  "`bundlePrice`. A term the kind lacks, or one of another kind, is 422 naming the field.";

const create = securedRoute({
  method: "post",
  path: "/v1/seller/promotions",
  operationId: "createSellerPromotion",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Run a promotion on your listings (you fund its discounts)",
  description:
    `${KIND_TERMS} With a \`code\` buyers enter it; without one it applies by itself. It counts only your own ` +
    "copies; `targets.listingIds` naming another seller's listing is 422. A code any promotion already has is 409 " +
    "`promotion_code_taken`. Money is in EUR.",
  request: { body: jsonBody(CreatePromotionBody) },
  responses: { 201: promotionReply("The promotion"), ...problems(400, 409, 415, 422) },
});

const list = securedRoute({
  method: "get",
  path: "/v1/seller/promotions",
  operationId: "listSellerPromotions",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your promotions, newest first, optionally in one status",
  description: "Pages with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: SellerPromotionsQuery },
  responses: { 200: jsonContent(PromotionPageSchema, "One page of promotions"), ...problems(400) },
});

const read = securedRoute({
  method: "get",
  path: "/v1/seller/promotions/{promotionId}",
  operationId: "getSellerPromotion",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "One of your promotions, with its uses",
  description: "Another seller's promotion is 404, the same as an unknown id.",
  request: { params: PromotionIdParam },
  responses: { 200: promotionReply("The promotion"), ...problems(400, 404) },
});

const update = securedRoute({
  method: "patch",
  path: "/v1/seller/promotions/{promotionId}",
  operationId: "updateSellerPromotion",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Change, pause, resume or end one of your promotions",
  description:
    "Only what is sent changes; `targets` is replaced whole. A new `kind` drops the old kind's terms. Once orders " +
    "have held or used it (`usesHeld` > 0), `kind` and `code` are 409 `promotion_in_use`, and `usageLimit` may not " +
    "go below `usesHeld` (422). `status: ended` is final: an ended promotion is 409 `invalid_transition`. Send the " +
    "ETag you read as `If-Match` to refuse (412 `precondition_failed`) a change over someone else's; a change " +
    "made while this one was decided is 409 `conflict`. Another seller's promotion is 404.",
  request: { params: PromotionIdParam, headers: IfMatchHeaders, body: jsonBody(UpdatePromotionBody) },
  responses: { 200: promotionReply("The promotion"), ...problems(400, 404, 409, 412, 415, 422) },
});

export const sellerPromotionRoutes = createRouter()
  .openapi(create, async (c) => {
    const created = await createPromotion(promotionsContext(c), sellerManager(c), c.req.valid("json"));
    c.header("location", `/v1/seller/promotions/${created.id}`);
    return c.json(withEtag(c, created), 201);
  })
  .openapi(list, async (c) =>
    c.json(await sellerPromotions(promotionsContext(c), callingSeller(c).id, c.req.valid("query")), 200),
  )
  .openapi(read, async (c) => {
    const found = await promotion(promotionsContext(c), sellerManager(c), c.req.valid("param").promotionId);
    return c.json(withEtag(c, found), 200);
  })
  .openapi(update, async (c) => {
    const { promotionId } = c.req.valid("param");
    const ifMatch = c.req.valid("header")["if-match"];
    const changed = await updatePromotion(
      promotionsContext(c),
      sellerManager(c),
      promotionId,
      c.req.valid("json"),
      ifMatch,
    );
    return c.json(withEtag(c, changed), 200);
  });
