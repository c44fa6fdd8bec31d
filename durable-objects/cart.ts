import { DurableObject } from "cloudflare:workers";
import { newId } from "../workers/lib/ids";

export interface CartLine {
  lineId: string;
  listingId: string;
  quantity: number;
  coverOptionId: string | null;
  inscription: string | null;
  priceSeen: { amount: number; currency: string };
  addedAt: number;
}

export interface NewLine {
  listingId: string;
  quantity: number;
  coverOptionId: string | null;
  inscription: string | null;
  priceSeen: { amount: number; currency: string };
}

/** A stock check failed: the listing's copies across all lines would exceed what is available. */
export interface Shortfall {
  ok: false;
  reason: "insufficient_stock";
  listingId: string;
  available: number;
  inCart: number;
}

export type LineResult = { ok: true; line: CartLine } | Shortfall | { ok: false; reason: "unknown_line" };

const ABANDONED_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

type LineRow = {
  line_id: string;
  listing_id: string;
  quantity: number;
  cover_option_id: string | null;
  inscription: string | null;
  price_amount: number;
  price_currency: string;
  added_at: number;
};

/**
 * One cart (a user's, or a guest's until login). Lines keep the price seen when added; the stock check counts a
 * listing's copies across every line, whatever cover they carry. Thirty days without activity empties it.
 */
export class CartDO extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => {
      this.sql.exec(`
        CREATE TABLE IF NOT EXISTS lines (
          line_id TEXT PRIMARY KEY,
          listing_id TEXT NOT NULL,
          quantity INTEGER NOT NULL CHECK (quantity > 0),
          cover_option_id TEXT,
          inscription TEXT,
          price_amount INTEGER NOT NULL,
          price_currency TEXT NOT NULL,
          added_at INTEGER NOT NULL
        );
      `);
    });
  }

  lines(): CartLine[] {
    return this.sql.exec<LineRow>("SELECT * FROM lines ORDER BY added_at, line_id").toArray().map(toLine);
  }

  /** Adds copies; the same listing with the same cover choice adds up on one line. `available` is the listing's stock. */
  add(line: NewLine, available: number): LineResult {
    const same = this.lines().find(
      (existing) =>
        existing.listingId === line.listingId &&
        existing.coverOptionId === line.coverOptionId &&
        existing.inscription === line.inscription,
    );
    const inCart = this.copiesOf(line.listingId);
    if (inCart + line.quantity > available) return shortfall(line.listingId, available, inCart);
    let result: CartLine;
    if (same) {
      this.sql.exec("UPDATE lines SET quantity = quantity + ? WHERE line_id = ?", line.quantity, same.lineId);
      result = { ...same, quantity: same.quantity + line.quantity };
    } else {
      result = { ...line, lineId: newId("lin"), addedAt: Date.now() };
      this.sql.exec(
        "INSERT INTO lines VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        result.lineId,
        result.listingId,
        result.quantity,
        result.coverOptionId,
        result.inscription,
        result.priceSeen.amount,
        result.priceSeen.currency,
        result.addedAt,
      );
    }
    this.touch();
    return { ok: true, line: result };
  }

  setQuantity(lineId: string, quantity: number, available: number): LineResult {
    const line = this.lines().find((existing) => existing.lineId === lineId);
    if (!line) return { ok: false, reason: "unknown_line" };
    const otherLines = this.copiesOf(line.listingId) - line.quantity;
    if (otherLines + quantity > available) return shortfall(line.listingId, available, otherLines + line.quantity);
    this.sql.exec("UPDATE lines SET quantity = ? WHERE line_id = ?", quantity, lineId);
    this.touch();
    return { ok: true, line: { ...line, quantity } };
  }

  remove(lineId: string): boolean {
    const removed = this.sql.exec("DELETE FROM lines WHERE line_id = ?", lineId).rowsWritten > 0;
    this.touch();
    return removed;
  }

  clear(): void {
    this.sql.exec("DELETE FROM lines");
    this.touch();
  }

  /**
   * Takes a guest cart's lines into this one (at login): the same listing and cover add up, capped by stock.
   * `available` maps each listing to its current stock.
   */
  merge(guestLines: CartLine[], available: Record<string, number>): CartLine[] {
    for (const guest of guestLines) {
      const room = (available[guest.listingId] ?? 0) - this.copiesOf(guest.listingId);
      const quantity = Math.min(guest.quantity, room);
      if (quantity > 0) this.add({ ...guest, quantity }, available[guest.listingId] ?? 0);
    }
    this.touch();
    return this.lines();
  }

  /** Thirty days untouched: the cart is abandoned. */
  override alarm(): void {
    this.sql.exec("DELETE FROM lines");
  }

  private copiesOf(listingId: string): number {
    return this.sql
      .exec<{ copies: number }>(
        "SELECT COALESCE(SUM(quantity), 0) AS copies FROM lines WHERE listing_id = ?",
        listingId,
      )
      .one().copies;
  }

  /** Every change pushes the abandonment deadline out again. */
  private touch(): void {
    void this.ctx.storage.setAlarm(Date.now() + ABANDONED_AFTER_MS);
  }
}

function shortfall(listingId: string, available: number, inCart: number): Shortfall {
  return { ok: false, reason: "insufficient_stock", listingId, available, inCart };
}

function toLine(row: LineRow): CartLine {
  return {
    lineId: row.line_id,
    listingId: row.listing_id,
    quantity: row.quantity,
    coverOptionId: row.cover_option_id,
    inscription: row.inscription,
    priceSeen: { amount: row.price_amount, currency: row.price_currency },
    addedAt: row.added_at,
  };
}
