import { describe, expect, it } from "vitest";
import { api } from "../support/identity";
import { orderRow } from "../support/orders";
import {
  addTracking,
  decide,
  orderToReturn,
  receive,
  requestedReturn,
  requestReturn,
  setReturnWindowEnd,
  shipAndDeliver,
} from "../support/returns";

const codeOf = async (response: Response) => {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  return (await response.json<{ code: string }>()).code;
};

describe("returns: what the buyer cannot ask for", () => {
  it("refuses copies not delivered yet", async () => {
    const { buyer, order, lines } = await orderToReturn({ delivered: false });
    const response = await requestReturn(buyer, order.id, { lines: [{ lineId: lines.first.id, quantity: 1 }] });
    expect(response.status).toBe(409);
    expect(await codeOf(response)).toBe("not_delivered");
  });

  it("refuses once the return window has passed", async () => {
    const { buyer, order, part, lines } = await orderToReturn();
    await setReturnWindowEnd(part.id, Date.now() - 1000);
    const response = await requestReturn(buyer, order.id, { lines: [{ lineId: lines.first.id, quantity: 1 }] });
    expect(response.status).toBe(422);
    expect(await codeOf(response)).toBe("return_window_closed");
  });

  it("refuses more copies than were bought, and than are left once others are in a return or refunded", async () => {
    const { sellers, buyer, order, lines } = await orderToReturn();
    const tooMany = await requestReturn(buyer, order.id, { lines: [{ lineId: lines.first.id, quantity: 3 }] });
    expect(tooMany.status).toBe(422);
    expect(await codeOf(tooMany)).toBe("return_quantity_exceeded");

    const open = await requestedReturn(buyer, order.id, [{ lineId: lines.first.id, quantity: 1 }]);
    const second = await requestReturn(buyer, order.id, { lines: [{ lineId: lines.first.id, quantity: 2 }] });
    expect(await codeOf(second)).toBe("return_quantity_exceeded");

    // A rejected return frees its copies again.
    await decide(sellers[0], open.id, { decision: "reject", note: "The copy shows no damage in your photos." });
    expect((await requestReturn(buyer, order.id, { lines: [{ lineId: lines.first.id, quantity: 2 }] })).status).toBe(
      201,
    );
    const third = await requestReturn(buyer, order.id, { lines: [{ lineId: lines.second.id, quantity: 2 }] });
    expect(await codeOf(third)).toBe("return_quantity_exceeded");
  });

  it("refuses a return spanning two sellers' lines", async () => {
    const { sellers, buyer, order, otherPart, lines } = await orderToReturn();
    await shipAndDeliver(sellers[1], otherPart.id);
    const response = await requestReturn(buyer, order.id, {
      lines: [
        { lineId: lines.first.id, quantity: 1 },
        { lineId: lines.other.id, quantity: 1 },
      ],
    });
    expect(response.status).toBe(422);
    expect(await codeOf(response)).toBe("return_spans_sellers");
  });

  it("refuses an unknown line (422) and a malformed body or a missing Idempotency-Key (400)", async () => {
    const { buyer, order, lines } = await orderToReturn();
    const unknown = await requestReturn(buyer, order.id, {
      lines: [{ lineId: `oln_${"0".repeat(32)}`, quantity: 1 }],
    });
    expect(unknown.status).toBe(422);
    for (const body of [
      { lines: [] },
      { lines: [{ lineId: lines.first.id, quantity: 0 }] },
      { lines: [{ lineId: "nope", quantity: 1 }] },
      { lines: [{ lineId: lines.first.id, quantity: 1 }], reason: "bored" },
      {
        lines: [
          { lineId: lines.first.id, quantity: 1 },
          { lineId: lines.first.id, quantity: 1 },
        ],
      },
    ]) {
      const response = await requestReturn(buyer, order.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(await codeOf(response)).toBe("validation_failed");
    }
    const keyless = await requestReturn(buyer, order.id, { lines: [{ lineId: lines.first.id, quantity: 1 }] }, null);
    expect(keyless.status).toBe(400);
    expect(await codeOf(keyless)).toBe("idempotency_key_required");
  });
});

describe("returns: steps out of order", () => {
  it("a rejection needs a note; tracking needs an approval; receipt needs an approval; a decided return is decided", async () => {
    const { sellers, buyer, order, lines } = await orderToReturn();
    const requested = await requestedReturn(buyer, order.id, [{ lineId: lines.first.id, quantity: 1 }]);
    const noNote = await decide(sellers[0], requested.id, { decision: "reject" });
    expect(noNote.status).toBe(400);
    expect((await decide(sellers[0], requested.id, { decision: "maybe" })).status).toBe(400);

    const early = await addTracking(buyer, order.id, requested.id);
    expect(early.status).toBe(409);
    expect(await codeOf(early)).toBe("invalid_transition");
    const unreceived = await receive(sellers[0], requested.id);
    expect(unreceived.status).toBe(409);

    expect(
      (await decide(sellers[0], requested.id, { decision: "reject", note: "Used beyond the listing." })).status,
    ).toBe(200);
    const twice = await decide(sellers[0], requested.id, { decision: "approve" });
    expect(twice.status).toBe(409);
    expect(await codeOf(twice)).toBe("invalid_transition");
    expect((await receive(sellers[0], requested.id)).status).toBe(409);
    expect((await orderRow(order.id))?.refundedTotal).toBe(0);
  });

  it("an unknown return is 404 and a malformed id 400", async () => {
    const { sellers } = await orderToReturn({ delivered: false });
    expect((await decide(sellers[0], `ret_${"1".repeat(32)}`, { decision: "approve" })).status).toBe(404);
    expect((await decide(sellers[0], "ret_nope", { decision: "approve" })).status).toBe(400);
    const list = await api("/v1/seller/returns?status=lost", { headers: sellers[0].auth });
    expect(list.status).toBe(400);
  });
});
