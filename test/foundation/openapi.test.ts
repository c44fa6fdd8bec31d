import { exports } from "cloudflare:workers";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document generated from the route declarations", async () => {
    const response = await exports.default.fetch("http://bazaar.test/openapi.json");
    expect(response.status).toBe(200);
    const document = await response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/v1/health");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });
});
