import { DurableObject } from "cloudflare:workers";
import { MAX_CART_CODES } from "../workers/lib/cart-limits";
import { newId } from "../workers/lib/ids";
import { normaliseCode } from "../workers/promotions";
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

export { MAX_CART_CODES };

export type CodeResult = { ok: true; codes: string[] } | { ok: false; reason: "too_many_codes"; maxCodes: number };

/** What a cart holds: its lines and the promotion codes entered, in the order they were entered. */
export interface CartContents {
  lines: CartLine[];
  codes: string[];
}

export type LineResult =
  | { ok: true; line: CartLine }
  | Shortfall
  | { ok: false; reason: "unknown_line" }
  | { ok: false; reason: "cart_full"; maxLines: number };

const ABANDONED_AFTER_MS = 30 * 24 * 60 * 60 * 1000;

type Change = "added" | "updated" | "removed" | "cleared" | "merged" | "expired" | "code_added" | "code_removed";

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

/** The promotion codes entered, in entry order (the rowid); added to carts stored before codes existed on wake. */
const CODES_TABLE = "CREATE TABLE IF NOT EXISTS codes (position INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE)";

/**
 * One cart (a user's, or a guest's until login), named `user:<id>` or `guest:<id>`. Lines keep the price seen when
 * added; the stock check counts a listing's copies across every line, whatever cover they carry. It also keeps the
 * promotion codes entered (upper-cased, at most five, in entry order): whether they apply is the cart view's and
 * the checkout's question, asked again each time. Thirty days without activity empties it. Its events go through
 * its own outbox.
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
    if (this.stored && !hasTable(this.sql, "codes")) this.sql.exec(CODES_TABLE);
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
      ${CODES_TABLE};
    `);
    this.stored = true;
  }

  lines(): CartLine[] {
    if (!this.stored) return [];
    return this.sql.exec<LineRow>("SELECT * FROM lines ORDER BY added_at, line_id").toArray().map(toLine);
  }

  /** The promotion codes entered, in entry order. */
  codes(): string[] {
    if (!this.stored) return [];
    return this.sql
      .exec<{ code: string }>("SELECT code FROM codes ORDER BY position")
      .toArray()
      .map((row) => row.code);
  }

  /** Lines and codes in one call: what the cart view and the checkout price. */
  contents(): CartContents {
    return { lines: this.lines(), codes: this.codes() };
  }

  /** Keeps a promotion code (upper-cased); one already kept stays where it was, and changes nothing. */
  addCode(code: string): CodeResult {
    const entered = normaliseCode(code);
    if (this.codes().includes(entered)) return { ok: true, codes: this.codes() };
    return this.change("code_added", () => this.enterCodes([entered]));
  }

  /** Forgets a promotion code; false when the cart holds no such code. */
  removeCode(code: string): boolean {
    if (!this.stored) return false;
    const entered = normaliseCode(code);
    return this.change(
      "code_removed",
      () => this.sql.exec("DELETE FROM codes WHERE code = ?", entered).rowsWritten > 0,
    );
  }

  /** Appends the codes not kept yet, in order; refused whole when they would take the cart past `MAX_CART_CODES`. */
  private enterCodes(codes: string[]): CodeResult {
    const kept = this.codes();
    const fresh = [...new Set(codes.map(normaliseCode))].filter((code) => !kept.includes(code));
    if (kept.length + fresh.length > MAX_CART_CODES) {
      return { ok: false, reason: "too_many_codes", maxCodes: MAX_CART_CODES };
    }
    if (fresh.length > 0) this.store();
    for (const code of fresh) this.sql.exec("INSERT INTO codes (code) VALUES (?)", code);
    return { ok: true, codes: [...kept, ...fresh] };
  }

  /** Adds copies; the same listing with the same cover choice adds up on one line. `available` is the listing's stock. */
  /** `editionId` is the listing's edition, for the funnel's cart adds; a merge re-adds guest lines without it. */
  add(line: NewLine, available: number, editionId?: string): LineResult {
    return this.change("added", () => this.addLine(line, available, editionId));
  }

  private addLine(line: NewLine, available: number, editionId?: string): LineResult {
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
      ...(editionId ? { editionId } : {}),
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

  /** Empties the cart: its lines and its codes (DELETE /v1/cart, a paid order, a deleted account). */
  clear(): void {
    if (!this.stored) return;
    this.change("cleared", () => {
      this.sql.exec("DELETE FROM lines");
      this.sql.exec("DELETE FROM codes");
    });
  }

  /**
   * Takes a guest cart's lines and codes into this one (at login): the same listing and cover add up, capped by
   * stock; guest lines past `MAX_CART_LINES` stay out. The guest's codes follow this cart's own, as many as fit
   * under `MAX_CART_CODES`. `available` maps each listing to its current stock.
   */
  merge(guestLines: CartLine[], available: Record<string, number>, guestCodes: string[] = []): CartLine[] {
    this.change("merged", () => {
      for (const guest of guestLines) {
        const room = (available[guest.listingId] ?? 0) - this.copiesOf(guest.listingId);
        const quantity = Math.min(guest.quantity, room);
        if (quantity > 0) this.addLine({ ...guest, quantity }, available[guest.listingId] ?? 0);
      }
      const kept = this.codes();
      const fresh = guestCodes.map(normaliseCode).filter((code) => !kept.includes(code));
      this.enterCodes(fresh.slice(0, MAX_CART_CODES - kept.length));
    });
    return this.lines();
  }

  /** Relays pending events; a cart untouched for thirty days is abandoned and emptied. */
  override async alarm(): Promise<void> {
    const lastAt = this.lastActivity();
    if (lastAt !== null && Date.now() - lastAt >= ABANDONED_AFTER_MS) {
      this.ctx.storage.transactionSync(() => {
        this.sql.exec("DELETE FROM lines");
        this.sql.exec("DELETE FROM codes");
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
