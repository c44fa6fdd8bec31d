import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const SCREENSHOTS = join(process.cwd(), "test-results", "console");

export const consoleUrl = inject("consoleUrl");

/** A describe block that runs only where Chromium is installed (CI installs it; elsewhere it warns and skips). */
export const describeInBrowser = consoleUrl ? describe : describe.skip;

/** What a page did that a test must see: console errors (a CSP violation among them) and uncaught exceptions. */
export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  problems: string[];
}

let browser: Browser | undefined;

/** One Chromium per test file: started before its tests, closed after. */
export function useBrowser() {
  beforeAll(async () => {
    if (!consoleUrl) return;
    browser = await chromium.launch({ executablePath: inject("chromiumPath"), args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
    browser = undefined;
  });
}

/** A fresh browser profile (no cookies) on the console, 1280 px wide unless a test asks for a phone's 390 px. */
export async function openPage(opts: { width?: number } = {}): Promise<WatchedPage> {
  if (!browser) throw new Error("useBrowser() first");
  const context = await browser.newContext({
    baseURL: consoleUrl,
    viewport: { width: opts.width ?? 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // A refused form answers 4xx on purpose; Chromium logs every such answer as an error.
    const refusedForm = /^Failed to load resource: the server responded with a status of 4\d\d/;
    if (message.type() === "error" && !refusedForm.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  return { page, context, problems };
}

/**
 * axe-core in the page (evaluated through the DevTools protocol, so the page's CSP stays as it is): no serious or
 * critical violation.
 */
export async function expectAccessible(page: Page, what = page.url()) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe on ${what}`).toEqual([]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The page as the test left it, under test-results/console/ (ignored by git), for a reviewer to look at. */
export async function saveScreenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The page's own checks at the end of a test: nothing the page logged as an error, no uncaught exception. */
export function expectNoProblems(watched: WatchedPage) {
  expect(watched.problems, "browser console errors and exceptions").toEqual([]);
}
