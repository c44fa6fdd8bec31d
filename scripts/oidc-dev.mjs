// `npm run oidc:dev`: a local OpenID Connect provider on http://127.0.0.1:9400 for trying social sign-in beside
// `npm start` with no account anywhere. .dev.vars.example configures the Worker's client at it (OIDC_PROVIDERS,
// provider id "local"); its sign-in page takes any email and vouches for it.
import { startOidcProvider } from "./oidc-provider.mjs";

const PORT = 9400;
const provider = await startOidcProvider({
  port: PORT,
  clients: [
    {
      client_id: "book-bazaar-dev",
      client_secret: "dev-oidc-client-secret",
      redirect_uris: ["http://127.0.0.1:8787/v1/auth/oidc/local/callback"],
    },
  ],
});
console.log(`Local sign-in provider on ${provider.issuer}`);
console.log("Sign in with it from the console (http://127.0.0.1:8787/console/login) or a storefront:");
console.log("  http://127.0.0.1:8787/v1/auth/oidc/local/start?redirect=<a page on a STOREFRONT_ORIGINS origin>");
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => provider.close().then(() => process.exit(0)));
