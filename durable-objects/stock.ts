import { DurableObject } from "cloudflare:workers";
import { DurableOutbox } from "./outbox";

export type ReservationState = "held" | "committed" | "released";

export interface Reservation {
  reservationId: string;
  orderId: string;
  quantity: number;
  expiresAt: number;
  state: ReservationState;
}

export interface StockLevels {
  listingId: string;
  onHand: number;
  held: number;
  available: number;
  lowThreshold: number;
  version: number;
}

export type ReserveResult =
  | { ok: true; reservation: Reservation; available: number }
  | { ok: false; reason: "insufficient_stock" | "released" | "unknown_listing"; available: number };
export type CommitResult = { ok: true; reservation: Reservation } | { ok: false; reason: "released" | "unknown" };
export type ExtendResult =
  | { ok: true; reservation: Reservation }
  | { ok: false; reason: "unknown" | "released" | "committed" };
export type ReleaseResult = { ok: true; released: boolean } | { ok: false; reason: "committed" };
export type AdjustResult = { ok: true; levels: StockLevels } | { ok: false; reason: "below_held"; held: number };

/**
 * The stock of one listing, and the only writer of it. Every change and the event describing it are written
 * in one storage transaction; the alarm expires holds (exactly once) and relays the object's own outbox.
 */
export class StockDO extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private readonly outbox: DurableOutbox;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.outbox = new DurableOutbox(ctx.storage, env);
    ctx.blockConcurrencyWhile(async () => {
      this.sql.exec(`
        CREATE TABLE IF NOT EXISTS levels (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          listing_id TEXT NOT NULL,
          on_hand INTEGER NOT NULL CHECK (on_hand >= 0),
          low_threshold INTEGER NOT NULL DEFAULT 0,
          version INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS reservations (
          reservation_id TEXT PRIMARY KEY,
          order_id TEXT NOT NULL,
          quantity INTEGER NOT NULL CHECK (quantity > 0),
          expires_at INTEGER NOT NULL,
          state TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS reservations_held ON reservations (expires_at) WHERE state = 'held';
        CREATE TABLE IF NOT EXISTS adjustments (adjustment_id TEXT PRIMARY KEY, applied_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS low_stock_warning (id INTEGER PRIMARY KEY CHECK (id = 1), warned_at INTEGER NOT NULL);
      `);
    });
  }

  /** Holds `quantity` units for an order until `ttlMs` from now; all or nothing. */
  reserve(reservationId: string, orderId: string, quantity: number, ttlMs: number): ReserveResult {
    return this.mutate((): ReserveResult => {
      this.expireHolds(Date.now());
      const existing = this.reservation(reservationId);
      const levels = this.levels();
      if (!levels) return { ok: false, reason: "unknown_listing", available: 0 };
      if (existing) {
        return existing.state === "released"
          ? { ok: false, reason: "released", available: levels.available }
          : { ok: true, reservation: existing, available: levels.available };
      }
      if (!Number.isInteger(quantity) || quantity < 1 || quantity > levels.available) {
        return { ok: false, reason: "insufficient_stock", available: levels.available };
      }
      const expiresAt = Date.now() + ttlMs;
      this.sql.exec(
        "INSERT INTO reservations (reservation_id, order_id, quantity, expires_at, state) VALUES (?, ?, ?, ?, 'held')",
        reservationId,
        orderId,
        quantity,
        expiresAt,
      );
      const after = this.bump();
      this.outbox.emit("StockReserved", { ...this.eventLevels(after), reservationId, orderId, quantity });
      this.emitLowStock(levels, after);
      return {
        ok: true,
        reservation: { reservationId, orderId, quantity, expiresAt, state: "held" },
        available: after.available,
      };
    });
  }

  /** Turns a hold into a sale: the units leave on-hand stock. A hold that expired or was released cannot be committed. */
  commit(reservationId: string): CommitResult {
    return this.mutate((): CommitResult => {
      this.expireHolds(Date.now());
      const reservation = this.reservation(reservationId);
      if (!reservation) return { ok: false, reason: "unknown" };
      if (reservation.state === "released") return { ok: false, reason: "released" };
      if (reservation.state === "committed") return { ok: true, reservation };
      this.sql.exec("UPDATE reservations SET state = 'committed' WHERE reservation_id = ?", reservationId);
      this.sql.exec("UPDATE levels SET on_hand = on_hand - ? WHERE id = 1", reservation.quantity);
      const after = this.bump();
      this.outbox.emit("StockCommitted", {
        ...this.eventLevels(after),
        reservationId,
        orderId: reservation.orderId,
        quantity: reservation.quantity,
      });
      return { ok: true, reservation: { ...reservation, state: "committed" } };
    });
  }

  /**
   * Keeps a hold until `expiresAt` (its order's payment settles later, as a bank debit does), never shortening it.
   * A hold that is gone or sold is left as it is; extending again changes nothing.
   */
  extend(reservationId: string, expiresAt: number): ExtendResult {
    return this.mutate((): ExtendResult => {
      this.expireHolds(Date.now());
      const reservation = this.reservation(reservationId);
      if (!reservation) return { ok: false, reason: "unknown" };
      if (reservation.state !== "held") return { ok: false, reason: reservation.state };
      if (expiresAt <= reservation.expiresAt) return { ok: true, reservation };
      this.sql.exec("UPDATE reservations SET expires_at = ? WHERE reservation_id = ?", expiresAt, reservationId);
      return { ok: true, reservation: { ...reservation, expiresAt } };
    });
  }

  /** Gives a hold back. Releasing an unknown or already released hold is a no-op, so compensation can always run. */
  release(reservationId: string): ReleaseResult {
    return this.mutate((): ReleaseResult => {
      const reservation = this.reservation(reservationId);
      if (!reservation || reservation.state === "released") return { ok: true, released: false };
      if (reservation.state === "committed") return { ok: false, reason: "committed" };
      this.releaseHold(reservation, "released");
      return { ok: true, released: true };
    });
  }

  /** Puts units back on hand (a cancelled or returned sale), once per adjustment id. */
  restock(adjustmentId: string, quantity: number, reason: string): AdjustResult {
    return this.mutate((): AdjustResult => {
      const levels = this.requireLevels();
      if (this.sql.exec("SELECT 1 FROM adjustments WHERE adjustment_id = ?", adjustmentId).toArray().length > 0) {
        return { ok: true, levels };
      }
      this.sql.exec("INSERT INTO adjustments (adjustment_id, applied_at) VALUES (?, ?)", adjustmentId, Date.now());
      this.sql.exec("UPDATE levels SET on_hand = on_hand + ? WHERE id = 1", quantity);
      const after = this.bump();
      this.outbox.emit("StockAdjusted", { ...this.eventLevels(after), change: "restock", reason });
      this.rearmLowStock(after);
      return { ok: true, levels: after };
    });
  }

  /** The seller's count of copies on hand (held copies included); never below what is held. */
  setQuantity(listingId: string, quantity: number, lowThreshold?: number): AdjustResult {
    return this.mutate((): AdjustResult => {
      const levels = this.levels();
      const held = levels?.held ?? 0;
      if (quantity < held) return { ok: false, reason: "below_held", held };
      if (
        levels &&
        levels.onHand === quantity &&
        (lowThreshold === undefined || lowThreshold === levels.lowThreshold)
      ) {
        return { ok: true, levels };
      }
      if (levels) {
        this.sql.exec(
          "UPDATE levels SET on_hand = ?, low_threshold = ? WHERE id = 1",
          quantity,
          lowThreshold ?? levels.lowThreshold,
        );
      } else {
        this.sql.exec(
          "INSERT INTO levels (id, listing_id, on_hand, low_threshold, version) VALUES (1, ?, ?, ?, 0)",
          listingId,
          quantity,
          lowThreshold ?? 0,
        );
      }
      const after = this.bump();
      this.outbox.emit("StockAdjusted", { ...this.eventLevels(after), change: "set", reason: "seller" });
      if (levels) this.emitLowStock(levels, after);
      this.rearmLowStock(after);
      return { ok: true, levels: after };
    });
  }

  /**
   * Sets the first stock count of a listing whose object was never set (a listing loaded from a catalog
   * import or the demo seed, whose count only D1 knows). An object that already has levels keeps them, so
   * this can never undo sales the way a late `setQuantity` could.
   */
  initialize(listingId: string, quantity: number, lowThreshold = 0): StockLevels {
    return this.mutate((): StockLevels => {
      const levels = this.levels();
      if (levels) return levels;
      this.sql.exec(
        "INSERT INTO levels (id, listing_id, on_hand, low_threshold, version) VALUES (1, ?, ?, ?, 0)",
        listingId,
        quantity,
        lowThreshold,
      );
      const after = this.bump();
      this.outbox.emit("StockAdjusted", { ...this.eventLevels(after), change: "set", reason: "initial" });
      return after;
    });
  }

  /**
   * The seller's warning level alone, copies untouched: no version, no event (StockLow is for sales and recounts
   * that take availability down to it). An object never set has nothing to warn about yet (null); its first
   * `initialize` or `setQuantity` brings the level.
   */
  setLowThreshold(lowThreshold: number): StockLevels | null {
    return this.mutate((): StockLevels | null => {
      if (!this.levels()) return null;
      this.sql.exec("UPDATE levels SET low_threshold = ? WHERE id = 1", lowThreshold);
      const after = this.requireLevels();
      this.rearmLowStock(after);
      return after;
    });
  }

  /**
   * Takes the listing off sale for good (its seller's account was deleted): every hold is released, so an order
   * paying late is refunded, and nothing stays on hand to reserve. Withdrawing again changes nothing.
   */
  withdraw(listingId: string): StockLevels {
    return this.mutate((): StockLevels => {
      const held = this.sql.exec<ReservationRow>("SELECT * FROM reservations WHERE state = 'held'").toArray();
      for (const row of held) this.releaseHold(toReservation(row), "released");
      const levels = this.levels();
      if (levels?.onHand === 0) return levels;
      if (levels) this.sql.exec("UPDATE levels SET on_hand = 0 WHERE id = 1");
      else {
        this.sql.exec(
          "INSERT INTO levels (id, listing_id, on_hand, low_threshold, version) VALUES (1, ?, 0, 0, 0)",
          listingId,
        );
      }
      const after = this.bump();
      this.outbox.emit("StockAdjusted", { ...this.eventLevels(after), change: "set", reason: "withdrawn" });
      return after;
    });
  }

  snapshot(): { levels: StockLevels | null; reservations: Reservation[] } {
    return {
      levels: this.levels(),
      reservations: this.sql
        .exec<ReservationRow>("SELECT * FROM reservations ORDER BY expires_at")
        .toArray()
        .map(toReservation),
    };
  }

  /** Runs a change and its outbox rows in one storage transaction, then sets the next wake-up. */
  private mutate<T>(change: () => T): T {
    const result = this.ctx.storage.transactionSync(change);
    this.schedule();
    return result;
  }

  override async alarm(): Promise<void> {
    this.ctx.storage.transactionSync(() => this.expireHolds(Date.now()));
    await this.outbox.relayFromAlarm(() => this.nextExpiry());
  }

  private expireHolds(now: number): void {
    const expired = this.sql
      .exec<ReservationRow>("SELECT * FROM reservations WHERE state = 'held' AND expires_at <= ?", now)
      .toArray();
    for (const row of expired) this.releaseHold(toReservation(row), "expired");
  }

  private releaseHold(reservation: Reservation, reason: "released" | "expired"): void {
    this.sql.exec("UPDATE reservations SET state = 'released' WHERE reservation_id = ?", reservation.reservationId);
    const after = this.bump();
    this.outbox.emit("StockReleased", {
      ...this.eventLevels(after),
      reservationId: reservation.reservationId,
      orderId: reservation.orderId,
      quantity: reservation.quantity,
      reason,
    });
  }

  /** Next wake-up: now if events wait to be relayed, else the earliest hold's expiry. */
  private schedule(): void {
    this.outbox.wakeAt(this.nextExpiry());
  }

  private nextExpiry(): number | null {
    return this.sql
      .exec<{ at: number | null }>("SELECT MIN(expires_at) AS at FROM reservations WHERE state = 'held'")
      .one().at;
  }

  /**
   * Warns once per crossing: when a sale or recount takes the copies available to the threshold or below, and the
   * object has not warned since copies last stood above it. A hold that lapses and is taken again by the next
   * checkout is the same shortage, so only more copies on hand (a restock, a recount) or a new threshold re-arm it.
   */
  private emitLowStock(before: StockLevels, after: StockLevels): void {
    const low = after.lowThreshold > 0 && after.available <= after.lowThreshold && after.available < before.available;
    if (!low || this.sql.exec("SELECT 1 FROM low_stock_warning").toArray().length > 0) return;
    this.sql.exec("INSERT INTO low_stock_warning (id, warned_at) VALUES (1, ?)", Date.now());
    this.outbox.emit("StockLow", { ...this.eventLevels(after), threshold: after.lowThreshold });
  }

  private rearmLowStock(after: StockLevels): void {
    if (after.available > after.lowThreshold) this.sql.exec("DELETE FROM low_stock_warning");
  }

  private bump(): StockLevels {
    this.sql.exec("UPDATE levels SET version = version + 1 WHERE id = 1");
    return this.requireLevels();
  }

  private eventLevels(levels: StockLevels) {
    const { listingId, onHand, held, available, version } = levels;
    return { listingId, onHand, held, available, version };
  }

  private levels(): StockLevels | null {
    const row = this.sql
      .exec<{ listing_id: string; on_hand: number; low_threshold: number; version: number; held: number }>(
        `SELECT listing_id, on_hand, low_threshold, version,
           (SELECT COALESCE(SUM(quantity), 0) FROM reservations WHERE state = 'held') AS held
         FROM levels WHERE id = 1`,
      )
      .toArray()[0];
    if (!row) return null;
    return {
      listingId: row.listing_id,
      onHand: row.on_hand,
      held: row.held,
      available: row.on_hand - row.held,
      lowThreshold: row.low_threshold,
      version: row.version,
    };
  }

  private requireLevels(): StockLevels {
    const levels = this.levels();
    if (!levels) throw new Error("stock for this listing was never set");
    return levels;
  }

  private reservation(reservationId: string): Reservation | null {
    const row = this.sql
      .exec<ReservationRow>("SELECT * FROM reservations WHERE reservation_id = ?", reservationId)
      .toArray()[0];
    return row ? toReservation(row) : null;
  }
}

type ReservationRow = { reservation_id: string; order_id: string; quantity: number; expires_at: number; state: string };

function toReservation(row: ReservationRow): Reservation {
  return {
    reservationId: row.reservation_id,
    orderId: row.order_id,
    quantity: row.quantity,
    expiresAt: row.expires_at,
    state: row.state as ReservationState,
  };
}
