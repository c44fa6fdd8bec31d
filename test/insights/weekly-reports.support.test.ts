import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { supportTickets } from "../../schema/support";
import { asAdmin } from "../support/identity";
import { db } from "../support/orders";
import { sellerTicket, write } from "../support/tickets";
import { at, weeklyReport, weekWithSales } from "../support/weekly-reports";

describe("the weekly report's support figures", () => {
  it("counts the tickets a seller was asked in the week and how fast they first answered", async () => {
    const data = await weekWithSales();
    // Two tickets to seller A in the week: one answered after 45 minutes, one never; a third after the week.
    const tickets = await Promise.all([sellerTicket(), sellerTicket(), sellerTicket()]);
    expect((await write(tickets[0]!.seller, "seller", tickets[0]!.ticket.id, { body: "On its way." })).status).toBe(
      201,
    );
    const moves = [
      { createdAt: at("2025-05-13T10:00:00Z"), firstSellerReplyAt: at("2025-05-13T10:45:00Z") },
      { createdAt: at("2025-05-16T08:00:00Z"), firstSellerReplyAt: null },
      { createdAt: at("2025-05-19T08:00:00Z"), firstSellerReplyAt: null },
    ];
    for (const [index, move] of moves.entries()) {
      await db
        .update(supportTickets)
        .set({ ...move, sellerId: data.sellerA.sellerId })
        .where(eq(supportTickets.id, tickets[index]!.ticket.id));
    }

    const report = await (await weeklyReport(await asAdmin(), "admin")).json<{ sellers: Record<string, unknown>[] }>();
    const row = (sellerId: string) => report.sellers.find((seller) => seller.sellerId === sellerId);
    expect(row(data.sellerA.sellerId)).toMatchObject({
      supportTickets: 2,
      supportAnswered: 1,
      medianFirstResponseMinutes: 45,
    });
    expect(row(data.sellerB.sellerId)).toMatchObject({ supportTickets: 0, medianFirstResponseMinutes: null });

    const own = await (await weeklyReport(data.sellerA, "seller")).json<{ figures: Record<string, unknown> }>();
    expect(own.figures).toMatchObject({ supportTickets: 2, supportAnswered: 1, medianFirstResponseMinutes: 45 });
  });
});
