import { exports } from "cloudflare:workers";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
}

interface Document {
  openapi: string;
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

async function openApiDocument() {
  const response = await exports.default.fetch("http://bazaar.test/openapi.json");
  expect(response.status).toBe(200);
  return response.json<Document>();
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options", "trace"]);

function operationsOf(document: Document) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );
}

describe("OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document generated from the route declarations", async () => {
    const document = await openApiDocument();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/v1/health");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("declares its tags at the top, each with a description, and tags every operation with declared ones", async () => {
    const document = await openApiDocument();
    const declared = new Map((document.tags ?? []).map((tag) => [tag.name, tag.description]));
    expect(declared.size).toBeGreaterThan(0);
    expect([...declared].filter(([, description]) => !description).map(([name]) => name)).toEqual([]);
    const untagged = operationsOf(document).filter(({ operation }) => !operation.tags?.length);
    expect(untagged.map(({ name }) => name)).toEqual([]);
    const undeclared = operationsOf(document).flatMap(({ name, operation }) =>
      (operation.tags ?? []).filter((tag) => !declared.has(tag)).map((tag) => `${name}: ${tag}`),
    );
    expect(undeclared).toEqual([]);
  });

  it("gives every operation a unique camelCase operationId", async () => {
    const operations = operationsOf(await openApiDocument());
    expect(operations.filter(({ operation }) => !operation.operationId).map(({ name }) => name)).toEqual([]);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids.filter((id) => id && !/^[a-z][a-zA-Z0-9]*$/.test(id))).toEqual([]);
  });

  it("says of every operation who may call it: `security: []` for anyone, else the bearer scheme", async () => {
    const document = await openApiDocument();
    expect(Object.keys(document.components.securitySchemes)).toEqual(["bearerAuth"]);
    const undeclared = operationsOf(document).filter(({ operation }) => !Array.isArray(operation.security));
    expect(undeclared.map(({ name }) => name)).toEqual([]);
    const unknownSchemes = operationsOf(document).filter(({ operation }) =>
      (operation.security ?? []).some((requirement) => Object.keys(requirement).some((key) => key !== "bearerAuth")),
    );
    expect(unknownSchemes.map(({ name }) => name)).toEqual([]);
  });

  it("lets a nullable registered schema be null: anyOf [$ref, null], never an allOf no null satisfies", async () => {
    const document = await openApiDocument();
    const impossible: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (typeof node !== "object" || node === null) return;
      const allOf = (node as { allOf?: { type?: unknown }[] }).allOf;
      if (allOf?.some((member) => Array.isArray(member.type) && member.type.includes("null"))) impossible.push(at);
      for (const [key, value] of Object.entries(node)) walk(value, `${at}/${key}`);
    };
    walk(document, "#");
    expect(impossible).toEqual([]);
    const schemas = document.components.schemas as Record<string, { properties: Record<string, unknown> }>;
    const nullable = (ref: string) => ({ anyOf: [{ $ref: `#/components/schemas/${ref}` }, { type: "null" }] });
    expect(schemas.BookSummary!.properties.lowestPrice).toEqual(nullable("Money"));
    expect(schemas.BookDetail!.properties.lowestPrice).toEqual(nullable("Money"));
    expect(schemas.ShippingRates!.properties.express).toEqual(nullable("ShippingRatePair"));
    expect(schemas.SellerOrder!.properties.shipTo).toMatchObject(nullable("OrderAddress"));
  });
});
