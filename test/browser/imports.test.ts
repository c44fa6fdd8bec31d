import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { freshIsbn, openShop, signIn, unique } from "./support/shop";

/** Rows for 25 of the import's 100-row chunks: several seconds of progress, polled every second. */
const ROWS = 2500;
/** Every 250th row has a price the import refuses: 10 rows in all. */
const isRefused = (i: number) => i % 250 === 7;

function listingsFile(run: string) {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const price = isRefused(i) ? "ten euros" : "7.50";
    return `${freshIsbn()},IMP-${run}-${i},good,${price},EUR,2,Imported Volume ${i},Ina Author`;
  });
  return ["isbn,sku,condition,price,currency,quantity,title,authors", ...rows].join("\n");
}

describeInBrowser("importing listings from a CSV", () => {
  useBrowser();

  it("watches the progress bar advance without a reload, then downloads the refused rows", async () => {
    const shop = await openShop();
    const watched = await openPage();
    const { page } = watched;
    await signIn(page, shop);
    await page.getByRole("navigation", { name: "Console sections" }).getByRole("link", { name: "Imports" }).click();
    await page.getByRole("heading", { name: "Imports", level: 1 }).waitFor();
    await page.getByText("No imports yet.").waitFor();
    await expectAccessible(page, "imports, none yet");

    // A file without the required columns is refused on the form.
    const run = unique();
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from("isbn,sku\n1,2") });
    await page.getByRole("button", { name: "Start the import" }).click();
    await page.getByText("The file lacks the column(s): condition, price, currency, quantity.").waitFor();
    await expectAccessible(page, "imports, file refused");

    await page.getByLabel("CSV file").setInputFiles({
      name: "listings.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(listingsFile(run)),
    });
    await page.getByRole("button", { name: "Start the import" }).click();
    await page.waitForURL(/\/console\/imports\/imp_[0-9a-f]{32}$/);
    // Set in this document: a reload would lose it.
    await page.evaluate("window.sameDocument = true");

    const bar = page.locator("progress#import-progress-bar");
    const complete = page.getByText("The import is complete");
    const seen: number[] = [];
    let checkedRunning = false;
    const deadline = Date.now() + 60_000;
    while (!(await complete.isVisible())) {
      const value = Number(await bar.getAttribute("value"));
      if (seen.at(-1) !== value) seen.push(value);
      if (!checkedRunning) await expectAccessible(page, "import running");
      checkedRunning = true;
      if (Date.now() > deadline) throw new Error(`the import did not complete; progress seen: ${seen.join(", ")}`);
      await page.waitForTimeout(100);
    }
    expect(seen.length, `progress values seen before completion: ${seen.join(", ")}`).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await bar.getAttribute("value")).toBe(String(ROWS));
    expect(await bar.getAttribute("max")).toBe(String(ROWS));
    await page.getByText(`${ROWS} of ${ROWS} rows done, 10 failed.`).waitFor();
    expect(await page.evaluate("window.sameDocument")).toBe(true);
    await expectAccessible(page, "import completed");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download the refused rows as CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^imp_[0-9a-f]{32}-failed-rows\.csv$/);
    const [header, ...refused] = (await readFile((await download.path())!, "utf8")).trim().split(/\r?\n/);
    expect(header).toBe("isbn,sku,condition,price,currency,quantity,title,authors,row,error");
    const expected = Array.from({ length: ROWS }, (_, i) => i).filter(isRefused);
    expect(refused.map((line) => line.split(",")[1])).toEqual(expected.map((i) => `IMP-${run}-${i}`));
    for (const [n, line] of refused.entries()) {
      expect(line).toContain(`,ten euros,`);
      expect(line.endsWith(`,${expected[n]! + 2},price: a price such as 12.99`)).toBe(true);
    }
    await saveScreenshot(page, "imports-completed");

    await page.getByRole("link", { name: "All imports" }).click();
    const past = page.getByRole("table", { name: "Your imports, newest first" });
    await past.getByRole("row").nth(1).getByText("completed").waitFor();
    const cells = await past.getByRole("row").nth(1).getByRole("cell").allTextContents();
    expect(cells.slice(2, 5)).toEqual([String(ROWS), String(ROWS), "10"]);
    await expectAccessible(page, "imports, past imports listed");
    await saveScreenshot(page, "imports-list");
    expectNoProblems(watched);
  });
});
