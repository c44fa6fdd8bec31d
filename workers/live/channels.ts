import type { LiveMessageInput } from "../../durable-objects/live";

/** A message for a user's live channel: its `type`, its JSON `data`, and the event id it comes from, if any. */
export type LiveUpdate = LiveMessageInput;

/**
 * Every signed-in user's live channel, as the other modules see it: push a message to all of a user's open
 * sockets (kept for a reconnecting client), or close the channel for good when the account is deleted.
 */
export interface LiveChannels {
  publish(userId: string, message: LiveUpdate): Promise<void>;
  close(userId: string): Promise<void>;
}

/** The channels as Durable Objects: one LiveDO per user, reached by RPC. */
export class DurableObjectLiveChannels implements LiveChannels {
  constructor(private readonly namespace: Env["LIVE"]) {}

  async publish(userId: string, message: LiveUpdate): Promise<void> {
    await this.namespace.getByName(userId).publish(message);
  }

  async close(userId: string): Promise<void> {
    await this.namespace.getByName(userId).close();
  }
}
