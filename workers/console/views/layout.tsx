import type { Child, FC } from "hono/jsx";
import { consoleAssets } from "../assets.generated";

/** An asset's URL carries its content hash, so browsers may keep it forever. */
export const assetUrl = (name: string) => `/console/assets/${consoleAssets[name]!.hash}/${name}`;

/** htmx settings: no inline indicator styles (the CSP forbids them), and 422 answers swap in their form. */
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorStyles: false,
  allowEval: false,
  selfRequestsOnly: true,
  responseHandling: [
    { code: "204", swap: false },
    { code: "[23]..", swap: true },
    { code: "422", swap: true },
    { code: "[45]..", swap: false, error: true },
  ],
});

export const SECTIONS = [
  { path: "/console", label: "Dashboard" },
  { path: "/console/listings", label: "Listings" },
  { path: "/console/imports", label: "Imports" },
  { path: "/console/orders", label: "Orders" },
  { path: "/console/print-jobs", label: "Print jobs" },
  { path: "/console/reports/sales", label: "Sales report" },
  { path: "/console/reports", label: "Weekly report" },
  { path: "/console/support", label: "Support" },
  { path: "/console/payouts", label: "Payouts" },
  { path: "/console/activity", label: "Shop activity" },
  { path: "/console/shipping-rates", label: "Shipping rates" },
  { path: "/console/profile", label: "Store profile" },
  { path: "/console/security", label: "Security" },
] as const;

interface PageProps {
  title: string;
  children: Child;
  /** The signed-in shop: with it, the section navigation and the sign-out button. */
  shop?: { storeName: string; csrfToken: string; current: string; development: boolean };
  charts?: boolean;
  /** A page that moves on by itself (after a sign-in that arrived from another site, see social-sign-in.tsx). */
  refreshTo?: string;
}

/** The HTML document every console page is rendered into. */
export const Page: FC<PageProps> = ({ title, children, shop, charts, refreshTo }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="htmx-config" content={HTMX_CONFIG} />
      {refreshTo && <meta http-equiv="refresh" content={`0; url=${refreshTo}`} />}
      <title>{`${title} · Book Bazaar seller console`}</title>
      <link rel="stylesheet" href={assetUrl("console.css")} />
      {charts && <link rel="stylesheet" href={assetUrl("uplot.css")} />}
      <script src={assetUrl("htmx.js")} defer />
      {charts && <script src={assetUrl("uplot.js")} defer />}
      <script src={assetUrl("console.js")} defer />
    </head>
    <body hx-headers={shop ? JSON.stringify({ "x-csrf-token": shop.csrfToken }) : undefined}>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <a class="brand" href="/console">
          Book Bazaar · Seller console
        </a>
        {shop && <span>{shop.storeName}</span>}
        {shop && (
          <form method="post" action="/console/logout">
            <input type="hidden" name="_csrf" value={shop.csrfToken} />
            <button type="submit">Sign out</button>
          </form>
        )}
      </header>
      {shop && <Sections current={shop.current} development={shop.development} />}
      <main id="main">{children}</main>
    </body>
  </html>
);

const Sections: FC<{ current: string; development: boolean }> = ({ current, development }) => {
  const sections = development ? [...SECTIONS, { path: "/console/dev/mailbox", label: "Mailbox" } as const] : SECTIONS;
  const within = (path: string) => current === path || (path !== "/console" && current.startsWith(`${path}/`));
  const active = sections.find((section) => within(section.path));
  return (
    <nav class="sections" aria-label="Console sections">
      <ul>
        {sections.map((section) => (
          <li>
            <a href={section.path} aria-current={section === active ? "page" : undefined}>
              {section.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
};
