import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { sellerBalance, sellerLedger, sellerPayouts } from "../balances";
import { payoutsContextOf } from "../context";
import { BalanceSchema, LedgerPage, LedgerQuery, TransferPage } from "../schemas";

const tags = ["Seller payouts"];

const balance = securedRoute({
  method: "get",
  path: "/v1/seller/balance",
  operationId: "getSellerBalance",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "What you have earned, by where it stands: pending, available, held by disputes, paid",
  description:
    "Summed from your ledger, the only source of balances. A sale is pending until its seller order completes " +
    "(delivered and its return window over), then available until its transfer goes out, then paid.",
  responses: { 200: jsonContent(BalanceSchema, "Your balances"), ...problems(401, 403) },
});

const ledger = securedRoute({
  method: "get",
  path: "/v1/seller/ledger",
  operationId: "listSellerLedger",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your ledger entries, newest first: sales, discounts, fees, refunds, releases, transfers, disputes",
  description:
    "Your accounts' side of each movement (positive adds to the account, negative takes from it). Pages with " +
    "`cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: LedgerQuery },
  responses: { 200: jsonContent(LedgerPage, "One page of entries"), ...problems(400, 401, 403) },
});

const payouts = securedRoute({
  method: "get",
  path: "/v1/seller/payouts",
  operationId: "listSellerPayouts",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your transfers, one per completed seller order, newest first, with their reversals",
  description: "Pages with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20).",
  request: { query: LedgerQuery },
  responses: { 200: jsonContent(TransferPage, "One page of transfers"), ...problems(400, 401, 403) },
});

export const balanceRoutes = createRouter()
  .openapi(balance, async (c) => c.json(await sellerBalance(payoutsContextOf(c), callingSeller(c).id), 200))
  .openapi(ledger, async (c) =>
    c.json(await sellerLedger(payoutsContextOf(c), callingSeller(c).id, c.req.valid("query")), 200),
  )
  .openapi(payouts, async (c) =>
    c.json(await sellerPayouts(payoutsContextOf(c), callingSeller(c).id, c.req.valid("query")), 200),
  );
