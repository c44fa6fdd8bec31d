import { createRouter } from "../../http/router";
import { deadLetterRoutes } from "./dead-letters";

/** Every route of the operations module, mounted once in workers/app.ts. */
export const operationsRoutes = createRouter().route("/", deadLetterRoutes);
