import { AppError } from "../../http/errors";

/** 409 `conflict`: the post changed (edited, hidden or decided) between the read and the write of this request. */
export const changedMeanwhile = (what: "review" | "thread" | "comment") =>
  new AppError("conflict", `The ${what} changed while this request was made; read it again and retry.`);
