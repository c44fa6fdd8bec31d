import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { promotionsContext } from "../context";
import {
  AdminPromotionsQuery,
  CreatePromotionBody,
  IfMatchHeaders,
  PromotionIdParam,
  PromotionPageSchema,
  UpdatePromotionBody,
} from "../schemas";
import { allPromotions, createPromotion, promotion, updatePromotion } from "../service/promotions";
import { adminManager, jsonBody, promotionReply, withEtag } from "./replies";

const tags = ["Promotions administration"];

const create = securedRoute({
  method: "post",
  path: "/v1/admin/promotions",
  operationId: "createMarketplacePromotion",
  role: "admin",
  tags,
  summary: "Run a promotion on the whole marketplace (the platform funds its discounts)",
  description:
    "The same body as a seller's promotion: `percent_off` takes `percentOff`, `amount_off` `amountOff`, " +
    "`buy_x_get_y` `buyQuantity` and `getQuantity`, `fixed_price_bundle` `bundleQuantity` and `bundlePrice` (a " +
    "missing or foreign term is 422 naming it). It may count any seller's copies; `targets.listingIds` must name " +
    "existing listings (422). A code any promotion already has is 409 `promotion_code_taken`. Money is in EUR.",
  request: { body: jsonBody(CreatePromotionBody) },
  responses: { 201: promotionReply("The promotion"), ...problems(400, 409, 415, 422) },
});

const list = securedRoute({
  method: "get",
  path: "/v1/admin/promotions",
  operationId: "listPromotions",
  role: "admin",
  tags,
  summary: "Every promotion, the marketplace's and sellers', newest first",
  description:
    "Filter by `sellerId`, by `fundedBy` (`platform`: the marketplace's own) and by `status`. Pages with " +
    "`cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: AdminPromotionsQuery },
  responses: { 200: jsonContent(PromotionPageSchema, "One page of promotions"), ...problems(400) },
});

const read = securedRoute({
  method: "get",
  path: "/v1/admin/promotions/{promotionId}",
  operationId: "getPromotion",
  role: "admin",
  tags,
  summary: "Any promotion, with its uses",
  description: "The marketplace's and every seller's: `sellerId` and `fundedBy` say whose it is and who pays.",
  request: { params: PromotionIdParam },
  responses: { 200: promotionReply("The promotion"), ...problems(400, 404) },
});

const update = securedRoute({
  method: "patch",
  path: "/v1/admin/promotions/{promotionId}",
  operationId: "updateMarketplacePromotion",
  role: "admin",
  tags,
  summary: "Change, pause, resume or end one of the marketplace's promotions",
  description:
    "As a seller's change: only what is sent changes (`targets` whole); `kind` and `code` are 409 " +
    "`promotion_in_use` once orders hold or used it, `usageLimit` may not go below `usesHeld` (422), an ended " +
    "promotion is 409 `invalid_transition`, a stale `If-Match` 412 `precondition_failed`. A seller's promotion is " +
    "403: its seller changes it.",
  request: { params: PromotionIdParam, headers: IfMatchHeaders, body: jsonBody(UpdatePromotionBody) },
  responses: { 200: promotionReply("The promotion"), ...problems(400, 404, 409, 412, 415, 422) },
});

export const adminPromotionRoutes = createRouter()
  .openapi(create, async (c) => {
    const created = await createPromotion(promotionsContext(c), adminManager(c), c.req.valid("json"));
    c.header("location", `/v1/admin/promotions/${created.id}`);
    return c.json(withEtag(c, created), 201);
  })
  .openapi(list, async (c) => c.json(await allPromotions(promotionsContext(c), c.req.valid("query")), 200))
  .openapi(read, async (c) => {
    const found = await promotion(promotionsContext(c), adminManager(c), c.req.valid("param").promotionId);
    return c.json(withEtag(c, found), 200);
  })
  .openapi(update, async (c) => {
    const { promotionId } = c.req.valid("param");
    const ifMatch = c.req.valid("header")["if-match"];
    const changed = await updatePromotion(
      promotionsContext(c),
      adminManager(c),
      promotionId,
      c.req.valid("json"),
      ifMatch,
    );
    return c.json(withEtag(c, changed), 200);
  });
