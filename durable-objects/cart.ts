import { DurableObject } from "cloudflare:workers";
import { newId } from "../workers/lib/ids";
import { DurableOutbox, hasTable } from "./outbox";

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

/** A cart holds at most this many lines: past it, adding a new line is refused (422 `cart_full`). */
export const MAX_CART_LINES = 50;

export type LineResult =
  | { ok: true; line: CartLine }
  | Shortfall
  | { ok: false; reason: "unknown_line" }
  | { ok: false; reason: "cart_full"; maxLines: number };

const ABANDONED_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

type Change = "added" | "updated" | "removed" | "cleared" | "merged" | "expired";

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
 * One cart (a user's, or a guest's until login), named `user:<id>` or `guest:<id>`. Lines keep the price seen when
 * added; the stock check counts a listing's copies across every line, whatever cover they carry. Thirty days
 * without activity empties it. Its events go through its own outbox.
 */
export class CartDO extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly outbox: DurableOutbox;
  /** Tables are created with the first line: reading a cart nobody filled (any guest's first GET) stores nothing. */
  private stored: boolean;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.outbox = new DurableOutbox(ctx.storage, env);
    this.stored = hasTable(this.sql, "lines");
  }

  private store(): void {
    if (this.stored) return;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS activity (id INTEGER PRIMARY KEY CHECK (id = 1), last_at INTEGER NOT NULL);
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
    this.stored = true;
  }

  lines(): CartLine[] {
    if (!this.stored) return [];
    return this.sql.exec<LineRow>("SELECT * FROM lines ORDER BY added_at, line_id").toArray().map(toLine);
  }

  /** The promotion codes entered for this cart, in entry order (none until one is entered). */
  codes(): string[] {
    if (!hasTable(this.sql, "promotion_codes")) return [];
    return this.sql
      .exec<{ code: string }>("SELECT code FROM promotion_codes ORDER BY position")
      .toArray()
      .map((row) => row.code);
  }

  /** Adds copies; the same listing with the same cover choice adds up on one line. `available` is the listing's stock. */
  add(line: NewLine, available: number): LineResult {
    return this.change("added", () => this.addLine(line, available));
  }

  private addLine(line: NewLine, available: number): LineResult {
    const same = this.lines().find(
      (existing) =>
        existing.listingId === line.listingId &&
        existing.coverOptionId === line.coverOptionId &&
        existing.inscription === line.inscription,
    );
    const inCart = this.copiesOf(line.listingId);
    if (inCart + line.quantity > available) return shortfall(line.listingId, available, inCart);
    if (!same && this.lineCount() >= MAX_CART_LINES)
      return { ok: false, reason: "cart_full", maxLines: MAX_CART_LINES };
    this.store();
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
    this.outbox.emit("ProductAddedToCart", {
      ...this.owner(),
      listingId: line.listingId,
      quantity: line.quantity,
      price: line.priceSeen,
    });
    return { ok: true, line: result };
  }

  setQuantity(lineId: string, quantity: number, available: number): LineResult {
    return this.change("updated", () => this.setLineQuantity(lineId, quantity, available));
  }

  private setLineQuantity(lineId: string, quantity: number, available: number): LineResult {
    const line = this.lines().find((existing) => existing.lineId === lineId);
    if (!line) return { ok: false, reason: "unknown_line" };
    const otherLines = this.copiesOf(line.listingId) - line.quantity;
    if (otherLines + quantity > available) return shortfall(line.listingId, available, otherLines + line.quantity);
    this.sql.exec("UPDATE lines SET quantity = ? WHERE line_id = ?", quantity, lineId);
    return { ok: true, line: { ...line, quantity } };
  }

  remove(lineId: string): boolean {
    if (!this.stored) return false;
    return this.change("removed", () => this.sql.exec("DELETE FROM lines WHERE line_id = ?", lineId).rowsWritten > 0);
  }

  clear(): void {
    if (!this.stored) return;
    this.change("cleared", () => this.sql.exec("DELETE FROM lines"));
  }

  /**
   * Takes a guest cart's lines into this one (at login): the same listing and cover add up, capped by stock;
   * guest lines past `MAX_CART_LINES` stay out. `available` maps each listing to its current stock.
   */
  merge(guestLines: CartLine[], available: Record<string, number>): CartLine[] {
    this.change("merged", () => {
      for (const guest of guestLines) {
        const room = (available[guest.listingId] ?? 0) - this.copiesOf(guest.listingId);
        const quantity = Math.min(guest.quantity, room);
        if (quantity > 0) this.addLine({ ...guest, quantity }, available[guest.listingId] ?? 0);
      }
    });
    return this.lines();
  }

  /** Relays pending events; a cart untouched for thirty days is abandoned and emptied. */
  override async alarm(): Promise<void> {
    const lastAt = this.lastActivity();
    if (lastAt !== null && Date.now() - lastAt >= ABANDONED_AFTER_MS) {
      this.ctx.storage.transactionSync(() => {
        this.sql.exec("DELETE FROM lines");
        this.sql.exec("DELETE FROM activity");
        this.emitUpdated("expired");
      });
    }
    await this.outbox.relayFromAlarm(() => this.abandonmentDeadline());
  }

  /** A change, its activity stamp and its events in one transaction; then the next wake-up. */
  private change<T>(kind: Change, apply: () => T): T {
    const result = this.ctx.storage.transactionSync(() => {
      const outcome = apply();
      const refused =
        outcome === false || (typeof outcome === "object" && outcome !== null && "ok" in outcome && !outcome.ok);
      // A cart that never held a line has nothing to record (a merge where nothing fitted, say).
      if (refused || !this.stored) return outcome;
      this.sql.exec("INSERT OR REPLACE INTO activity (id, last_at) VALUES (1, ?)", Date.now());
      this.emitUpdated(kind);
      return outcome;
    });
    this.schedule();
    return result;
  }

  private emitUpdated(change: Change): void {
    const totals = this.sql
      .exec<{ lines: number; items: number }>(
        "SELECT COUNT(*) AS lines, COALESCE(SUM(quantity), 0) AS items FROM lines",
      )
      .one();
    this.outbox.emit("CartUpdated", { ...this.owner(), change, lineCount: totals.lines, itemCount: totals.items });
  }

  private owner(): { cartId: string; userId: string | null } {
    const cartId = this.ctx.id.name ?? this.ctx.id.toString();
    return { cartId, userId: cartId.startsWith("user:") ? cartId.slice("user:".length) : null };
  }

  private lastActivity(): number | null {
    if (!this.stored) return null;
    return this.sql.exec<{ last_at: number }>("SELECT last_at FROM activity").toArray()[0]?.last_at ?? null;
  }

  private schedule(): void {
    this.outbox.wakeAt(this.abandonmentDeadline());
  }

  private abandonmentDeadline(): number | null {
    const lastAt = this.lastActivity();
    return lastAt === null ? null : lastAt + ABANDONED_AFTER_MS;
  }

  private lineCount(): number {
    if (!this.stored) return 0;
    return this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM lines").one().n;
  }

  private copiesOf(listingId: string): number {
    if (!this.stored) return 0;
    return this.sql
      .exec<{ copies: number }>(
        "SELECT COALESCE(SUM(quantity), 0) AS copies FROM lines WHERE listing_id = ?",
        listingId,
      )
      .one().copies;
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
