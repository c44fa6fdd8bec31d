// How each runtime runs the read API (servers/serve.ts), from the repository root: `npm run serve:bun`,
// `npm run serve:deno` and the smoke test (test/runtimes/) all start it this way.
export const READ_API_RUNTIMES: Record<"bun" | "deno", [command: string, args: string[]]> = {
  bun: ["bun", ["--env-file=servers/read-api.env", "servers/serve.ts"]],
  deno: [
    "deno",
    [
      "run",
      "--config=servers/deno/deno.jsonc",
      "--env-file=servers/read-api.env",
      "--allow-net",
      "--allow-env",
      "--allow-read",
      "servers/serve.ts",
    ],
  ],
};
