import { consumeBatch } from "../queues/consumer";
import { consumers, giveUpHandlers } from "../queues/consumers";
import { consumeDeadLetters, isDeadLetterQueue, recordDeadLetter } from "../queues/dead-letters";
import { createApp } from "./app";
import { loadConfig } from "./config";
import { createLogger } from "./lib/log";
import { buildServices } from "./platform/services";
import { runScheduled } from "./scheduled";

export { CartDO } from "../durable-objects/cart";
export { LiveDO } from "../durable-objects/live";
export { RateLimiterDO } from "../durable-objects/rate-limiter";
export { StockDO } from "../durable-objects/stock";

const app = createApp();
const log = createLogger({ service: "book-bazaar" });

export default {
  fetch: app.fetch,

  async queue(batch, env, ctx) {
    const config = loadConfig(env);
    const batchLog = log.child({ queue: batch.queue });
    const services = buildServices(env, config, ctx, batchLog);
    const context = { env, config, services, log: batchLog };
    if (isDeadLetterQueue(batch.queue)) return consumeDeadLetters(batch, giveUpHandlers, context);
    await consumeBatch(batch, consumers, context, (message, queue, reason) =>
      recordDeadLetter(services.db, message, queue, reason),
    );
  },

  async scheduled(controller, env, ctx) {
    const config = loadConfig(env);
    const cronLog = log.child({ cron: controller.cron });
    await runScheduled(controller.cron, {
      env,
      config,
      services: buildServices(env, config, ctx, cronLog),
      log: cronLog,
    });
  },
} satisfies ExportedHandler<Env, unknown>;
