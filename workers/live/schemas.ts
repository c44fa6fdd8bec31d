import { z } from "@hono/zod-openapi";

/** Request and response shapes of the live channel's routes; the OpenAPI document is generated from these. */

export const LiveTicketSchema = z
  .object({
    ticket: z.string().openapi({
      description: "Single use, valid until `expiresAt`; it names the user it was issued to",
      example: "usr_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f.Hq3vB1n5q0mG2cZr9T8sXyW4eD7fK6jL1aP0oN3uV5i",
    }),
    expiresAt: z.iso.datetime().openapi({ example: "2026-11-21T10:00:30.000Z" }),
    url: z.url().openapi({
      description: "The WebSocket URL to open with it (`ws:` or `wss:`): `GET /v1/me/live?ticket=…`",
      example: "wss://api.bookbazaar.example/v1/me/live?ticket=usr_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f.Hq3vB1n5",
    }),
  })
  .openapi("LiveTicket");
export type LiveTicketBody = z.infer<typeof LiveTicketSchema>;

export const LiveChannelQuery = z.object({
  ticket: z.string().max(200).optional().openapi({
    description: "A ticket from `POST /v1/me/live-ticket`",
    example: "usr_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f.Hq3v",
  }),
  after: z
    .string()
    .regex(/^\d{1,15}$/, "the id of a message of this channel")
    .optional()
    .openapi({
      description: "The id of the last message this client saw: the messages after it are sent first",
      example: "41",
    }),
});
