import type { Context, ErrorHandler } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError, onError } from "../../http/errors";
import { plainPage } from "../render";

const NotFound = () => (
  <section class="panel narrow" aria-labelledby="not-found-title">
    <h1 id="not-found-title">Not found</h1>
    <p>There is nothing of your shop at this address.</p>
    <p>
      <a href="/console">Back to the console</a>
    </p>
  </section>
);

export const notFoundPage = (c: Context<AppEnv>) => plainPage(c, { title: "Not found", status: 404 }, <NotFound />);

/**
 * A service's refusal on a console page is a page, not problem+json: another seller's order is the same 404
 * page as an order that does not exist. Everything else goes to the API's handler (logged, 500).
 */
export const consoleError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError && error.status === 404) return notFoundPage(c);
  if (error instanceof AppError && error.status < 500) {
    return plainPage(
      c,
      { title: "Not possible", status: error.status },
      <section class="panel narrow">
        <h1>That did not work</h1>
        <p>{error.message}</p>
        <p>
          <a href="/console">Back to the console</a>
        </p>
      </section>,
    );
  }
  return onError(error, c);
};
