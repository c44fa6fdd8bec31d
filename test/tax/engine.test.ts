import { describe, expect, it } from "vitest";
import { addTaxLines, includedTax, sellerOrderTax } from "../../workers/tax";

const GERMANY = { books: { rate: 700, name: "USt. 7%" }, standard: { rate: 1900, name: "USt. 19%" } };

describe("the tax engine", () => {
  it("breaks the tax out of tax-inclusive prices", () => {
    expect(includedTax(1070, 700)).toBe(70);
    expect(includedTax(1190, 1900)).toBe(190);
    expect(includedTax(999, 0)).toBe(0);
  });

  it("taxes books and shipping at the books rate and cover options at the standard rate", () => {
    const lines = sellerOrderTax(
      [
        { booksPaid: 1350, coversPaid: 500 },
        { booksPaid: 900, coversPaid: 0 },
      ],
      450,
      GERMANY,
    );
    expect(lines).toEqual([
      { taxClass: "books", rate: 700, name: "USt. 7%", taxable: 2700, tax: 177 },
      { taxClass: "standard", rate: 1900, name: "USt. 19%", taxable: 500, tax: 80 },
    ]);
  });

  it("taxes nothing where no rate is kept, and adds seller orders up per rate", () => {
    expect(sellerOrderTax([{ booksPaid: 1000, coversPaid: 0 }], 0, {})).toEqual([
      { taxClass: "books", rate: 0, name: "No tax", taxable: 1000, tax: 0 },
    ]);
    const a = sellerOrderTax([{ booksPaid: 1070, coversPaid: 0 }], 0, GERMANY);
    const b = sellerOrderTax([{ booksPaid: 2140, coversPaid: 1190 }], 0, GERMANY);
    expect(addTaxLines([a, b])).toEqual([
      { taxClass: "books", rate: 700, name: "USt. 7%", taxable: 3210, tax: 210 },
      { taxClass: "standard", rate: 1900, name: "USt. 19%", taxable: 1190, tax: 190 },
    ]);
  });
});
