import { DurableObject } from "cloudflare:workers";

/** One message of a user's live channel as it goes on the wire; `id` is the user's sequence number, as a string. */
export interface LiveMessage {
  id: string;
  type: string;
  at: string;
  data: unknown;
}

export interface LiveMessageInput {
  type: string;
  data: unknown;
  /** The event the message comes from: a second publish with the same id is ignored (a redelivered event). */
  eventId?: string;
}

/** What a reconnecting client is given: the newest messages after the id it last saw, at most this many. */
const BACKLOG_MESSAGES = 200;
/** …and none older than this. Also how long an event id is remembered, far beyond any queue redelivery. */
const BACKLOG_MS = 24 * 60 * 60 * 1000;
/** Tickets waiting to be used, and sockets open (tabs), per user: beyond these the oldest go. */
const TICKETS_HELD = 20;
const SOCKETS_HELD = 20;
/** The close code a socket gets when its account is deleted: reconnecting cannot help. */
const CHANNEL_CLOSED = 4001;

interface SocketAttachment {
  connectedAt: number;
}

type MessageRow = { seq: number; type: string; at: number; data: string };

const onWire = (row: MessageRow): LiveMessage => ({
  id: String(row.seq),
  type: row.type,
  at: new Date(row.at).toISOString(),
  data: JSON.parse(row.data),
});

/**
 * The live channel of one user (one object per user id): the WebSockets of their tabs, held with the hibernation
 * API, and the messages sent to them. Each message is stored with the user's next sequence number before it is
 * broadcast, and the newest are kept, so a client reconnecting after the id it saw gets what it missed and an
 * eviction loses nothing. Tickets (single use, short-lived) are kept hashed; the object never sees one in clear.
 */
export class LiveDO extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  private hasTables = false;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    // Keep-alives are answered without waking a hibernating object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair('{"type":"ping"}', '{"type":"pong"}'));
  }

  /** Holds a ticket (its hash) until `expiresAt`; false once the channel is closed for good. */
  issueTicket(hash: string, expiresAt: number): boolean {
    return this.ctx.storage.transactionSync(() => {
      this.createTables();
      if (this.isClosed()) return false;
      this.sql.exec("DELETE FROM tickets WHERE expires_at <= ?", Date.now());
      this.sql.exec("INSERT OR REPLACE INTO tickets (hash, expires_at) VALUES (?, ?)", hash, expiresAt);
      this.sql.exec(
        "DELETE FROM tickets WHERE hash NOT IN (SELECT hash FROM tickets ORDER BY expires_at DESC LIMIT ?)",
        TICKETS_HELD,
      );
      return true;
    });
  }

  /** Stores the message as the user's next one, then sends it to every open socket. Null: a duplicate, or closed. */
  publish(input: LiveMessageInput): LiveMessage | null {
    const message = this.ctx.storage.transactionSync((): LiveMessage | null => {
      this.createTables();
      if (this.isClosed()) return null;
      const now = Date.now();
      if (input.eventId) {
        const seen = this.sql.exec("SELECT 1 FROM published_events WHERE event_id = ?", input.eventId).toArray();
        if (seen.length > 0) return null;
        this.sql.exec("INSERT INTO published_events (event_id, at) VALUES (?, ?)", input.eventId, now);
      }
      const { seq } = this.sql
        .exec<{ seq: number }>("UPDATE channel SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq AS seq")
        .one();
      const row = { seq, type: input.type, at: now, data: JSON.stringify(input.data ?? null) };
      this.sql.exec("INSERT INTO messages (seq, type, at, data) VALUES (?, ?, ?, ?)", row.seq, row.type, now, row.data);
      this.prune(now);
      return onWire(row);
    });
    if (!message) return null;
    const text = JSON.stringify(message);
    for (const socket of this.ctx.getWebSockets()) send(socket, text);
    this.wakeForPruning();
    return message;
  }

  /** The account is gone: its sockets are closed, its messages and tickets dropped, and nothing new is taken. */
  close(): void {
    this.ctx.storage.transactionSync(() => {
      this.createTables();
      this.sql.exec("DELETE FROM messages");
      this.sql.exec("DELETE FROM published_events");
      this.sql.exec("DELETE FROM tickets");
      this.sql.exec("UPDATE channel SET closed_at = COALESCE(closed_at, ?) WHERE id = 1", Date.now());
    });
    void this.ctx.storage.deleteAlarm();
    for (const socket of this.ctx.getWebSockets()) socket.close(CHANNEL_CLOSED, "account deleted");
  }

  /**
   * The upgrade, forwarded by the Worker with the ticket's hash: the ticket is used up whatever follows, and the
   * socket gets the messages after `after` (when given) and then a `ready` message.
   */
  override fetch(request: Request): Response {
    const url = new URL(request.url);
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response(null, { status: 426 });
    if (!this.redeem(url.searchParams.get("ticket") ?? "")) return new Response(null, { status: 401 });
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ connectedAt: Date.now() } satisfies SocketAttachment);
    this.replay(server, sequenceNumber(url.searchParams.get("after")));
    this.keepNewestSockets();
    return new Response(null, { status: 101, webSocket: client });
  }

  /** A client may also ask for what it missed on an open socket: `{"type":"resume","after":"<id>"}`. */
  override webSocketMessage(socket: WebSocket, message: string | ArrayBuffer): void {
    const request = typeof message === "string" ? parseJson(message) : null;
    const after = request?.type === "resume" ? sequenceNumber(request.after) : null;
    if (after !== null) this.replay(socket, after);
    else send(socket, JSON.stringify(this.control("error", { detail: 'Send {"type":"resume","after":"<id>"}.' })));
  }

  /** The runtime answers a close frame itself at this compatibility date; closing here keeps that true before it. */
  override webSocketClose(socket: WebSocket, code: number, reason: string): void {
    socket.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  }

  /** Drops what is past the backlog's age, then wakes again when the oldest of what is left will be. */
  override alarm(): void {
    if (!this.tablesExist()) return;
    this.prune(Date.now());
    this.wakeForPruning();
  }

  private replay(socket: WebSocket, after: number | null): void {
    const { last } = this.sql.exec<{ last: number }>("SELECT last_seq AS last FROM channel WHERE id = 1").one();
    let replayed: MessageRow[] = [];
    let complete = true;
    if (after !== null) {
      replayed = this.sql
        .exec<MessageRow>("SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ?", after, BACKLOG_MESSAGES)
        .toArray();
      const first = replayed[0]?.seq ?? last + 1;
      // Complete when the client's id is one of ours and nothing after it has been dropped from the backlog.
      complete = after <= last && first === after + 1;
    }
    for (const row of replayed) send(socket, JSON.stringify(onWire(row)));
    send(socket, JSON.stringify(this.control("ready", { replayed: replayed.length, complete })));
  }

  /** A message that is not part of the sequence; its id is the newest message's, so "the last id seen" holds. */
  private control(type: "ready" | "error", data: Record<string, unknown>): LiveMessage {
    const { last } = this.sql.exec<{ last: number }>("SELECT last_seq AS last FROM channel WHERE id = 1").one();
    return { id: String(last), type, at: new Date().toISOString(), data };
  }

  private redeem(hash: string): boolean {
    if (hash === "" || !this.tablesExist()) return false;
    return this.sql.exec("DELETE FROM tickets WHERE hash = ? AND expires_at > ?", hash, Date.now()).rowsWritten > 0;
  }

  private keepNewestSockets(): void {
    const sockets = this.ctx
      .getWebSockets()
      .map((socket) => ({ socket, at: (socket.deserializeAttachment() as SocketAttachment | null)?.connectedAt ?? 0 }))
      .sort((a, b) => b.at - a.at);
    for (const { socket } of sockets.slice(SOCKETS_HELD)) socket.close(1008, "too many open live channels");
  }

  /**
   * Tables come with the first write (a ticket, a message, a deletion), so an upgrade with a forged ticket for a
   * user who never had a channel leaves nothing stored.
   */
  private createTables(): void {
    if (this.hasTables) return;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS channel (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_seq INTEGER NOT NULL,
        closed_at INTEGER
      );
      INSERT OR IGNORE INTO channel (id, last_seq, closed_at) VALUES (1, 0, NULL);
      CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY, type TEXT NOT NULL, at INTEGER NOT NULL, data TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS published_events (event_id TEXT PRIMARY KEY, at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS tickets (hash TEXT PRIMARY KEY, expires_at INTEGER NOT NULL);
    `);
    this.hasTables = true;
  }

  private tablesExist(): boolean {
    this.hasTables ||=
      this.sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'channel'").toArray().length > 0;
    return this.hasTables;
  }

  private isClosed(): boolean {
    return (
      this.sql.exec<{ closed: number | null }>("SELECT closed_at AS closed FROM channel WHERE id = 1").one().closed !==
      null
    );
  }

  private prune(now: number): void {
    this.sql.exec(
      "DELETE FROM messages WHERE at <= ? OR seq <= (SELECT last_seq FROM channel WHERE id = 1) - ?",
      now - BACKLOG_MS,
      BACKLOG_MESSAGES,
    );
    this.sql.exec("DELETE FROM published_events WHERE at <= ?", now - BACKLOG_MS);
    this.sql.exec("DELETE FROM tickets WHERE expires_at <= ?", now);
  }

  private wakeForPruning(): void {
    const { oldest } = this.sql
      .exec<{ oldest: number | null }>(
        "SELECT MIN(at) AS oldest FROM (SELECT at FROM messages UNION ALL SELECT at FROM published_events)",
      )
      .one();
    if (oldest === null) void this.ctx.storage.deleteAlarm();
    else void this.ctx.storage.setAlarm(oldest + BACKLOG_MS);
  }
}

/** A socket closing while a message goes out is no reason to fail the publish: it reconnects and resumes. */
function send(socket: WebSocket, text: string): void {
  try {
    socket.send(text);
  } catch {
    // Closed or closing: its client catches up after its last id.
  }
}

/** A client's "last id seen": the decimal sequence number this object gave it. */
function sequenceNumber(value: unknown): number | null {
  return typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

function parseJson(text: string): { type?: unknown; after?: unknown } | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === "object" ? parsed : null;
  } catch {
    return null;
  }
}
