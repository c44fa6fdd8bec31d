/** The /openapi.json the built Worker serves, as text. */
export function servedDocument(): Promise<string>;
