import { createRouter } from "../../http/router";
import { channelRoutes } from "./channel";
import { ticketRoutes } from "./tickets";

/** The live channel's routes: its tickets and the WebSocket they open. */
export const liveRoutes = createRouter().route("/", ticketRoutes).route("/", channelRoutes);
