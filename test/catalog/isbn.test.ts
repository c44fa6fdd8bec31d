import { describe, expect, it } from "vitest";
import { looksLikeIsbn, normalizeIsbn, requireIsbn, toIsbn10 } from "../../workers/catalog/isbn";
import { AppError } from "../../workers/http/errors";

describe("ISBN normalisation", () => {
  it("accepts ISBN-13 with or without hyphens and spaces", () => {
    expect(normalizeIsbn("9780261102217")).toBe("9780261102217");
    expect(normalizeIsbn("978-0-261-10221-7")).toBe("9780261102217");
    expect(normalizeIsbn(" 978 0 261 10221 7 ")).toBe("9780261102217");
    expect(normalizeIsbn("ISBN 978-0-261-10221-7")).toBe("9780261102217");
  });

  it("converts ISBN-10 (including an X check digit) to ISBN-13", () => {
    expect(normalizeIsbn("0-261-10221-4")).toBe("9780261102217");
    expect(normalizeIsbn("0261102214")).toBe("9780261102217");
    expect(normalizeIsbn("0-8044-2957-X")).toBe("9780804429573");
    expect(normalizeIsbn("080442957x")).toBe("9780804429573");
  });

  it("rejects a wrong check digit, wrong length, letters and non-ISBN prefixes", () => {
    expect(normalizeIsbn("9780261102218")).toBeUndefined();
    expect(normalizeIsbn("0-261-10221-5")).toBeUndefined();
    expect(normalizeIsbn("978026110221")).toBeUndefined();
    expect(normalizeIsbn("97802611022170")).toBeUndefined();
    expect(normalizeIsbn("978026110221A")).toBeUndefined();
    expect(normalizeIsbn("1234567890128")).toBeUndefined();
    expect(normalizeIsbn("")).toBeUndefined();
  });

  it("turns an invalid ISBN into the 422 invalid_isbn problem", () => {
    expect(() => requireIsbn("0-261-10221-5")).toThrowError(AppError);
    try {
      requireIsbn("not an isbn");
    } catch (error) {
      expect((error as AppError).code).toBe("invalid_isbn");
      expect((error as AppError).status).toBe(422);
    }
  });

  it("gives the ISBN-10 of 978 ISBNs only", () => {
    expect(toIsbn10("9780261102217")).toBe("0261102214");
    expect(toIsbn10("9780804429573")).toBe("080442957X");
    expect(toIsbn10("9798000000017")).toBeUndefined();
  });

  it("recognises text typed as an ISBN", () => {
    expect(looksLikeIsbn("0-261-10221-4")).toBe(true);
    expect(looksLikeIsbn("978 0261 102217")).toBe(true);
    expect(looksLikeIsbn("the hobbit")).toBe(false);
    expect(looksLikeIsbn("1984")).toBe(false);
  });
});
