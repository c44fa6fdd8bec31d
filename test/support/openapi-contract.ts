import { type OutputUnit, Validator } from "@cfworker/json-schema";
import { createApp } from "../../workers/app";
import { openApiDocument } from "../../workers/http/openapi";

type Schema = Record<string, unknown>;

interface Operation {
  operationId?: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  params: number;
  operation: Operation;
}

/** The document the Worker serves, read once per test file without a request (no logs, no rate limits). */
let routes: Route[] | undefined;
let definitions: Record<string, unknown> = {};
const validators = new Map<string, Validator>();

function load(): Route[] {
  if (routes) return routes;
  const document = openApiDocument(createApp(), "http://bazaar.test") as unknown as Document;
  // @cfworker/json-schema resolves refs only through schema keywords, so components move under $defs.
  definitions = asDefs(document.components?.schemas ?? {}) as Record<string, unknown>;
  routes = Object.entries(document.paths).flatMap(([template, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method,
      template,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+")}$`),
      params: (template.match(/\{/g) ?? []).length,
      operation,
    })),
  );
  return routes;
}

function asDefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asDefs);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === "$ref" && typeof value === "string"
        ? [key, value.replace("#/components/schemas/", "#/$defs/")]
        : [key, asDefs(value)],
    ),
  );
}

/** The declared operation for a request: a literal path wins over a templated one (`/books/suggest`, `/books/{isbn}`). */
function operationFor(method: string, path: string) {
  const candidates = load().filter((route) => route.method === method && route.pattern.test(path));
  return candidates.sort((a, b) => a.params - b.params)[0];
}

function validatorFor(key: string, schema: Schema) {
  let validator = validators.get(key);
  if (!validator) {
    validator = new Validator({ ...(asDefs(schema) as Schema), $defs: definitions } as never, "2020-12", false);
    validators.set(key, validator);
  }
  return validator;
}

/** The innermost errors say what is wrong; the outer ones only that a subschema failed. */
const describeErrors = (errors: OutputUnit[]) =>
  errors
    .slice(-6)
    .map((error) => `  ${error.instanceLocation} ${error.error} (${error.keywordLocation})`)
    .join("\n");

/**
 * Holds a response to what `/openapi.json` declares for its operation: the status must be declared, and a JSON
 * body must match the schema declared for that status and media type. Requests outside the document (unknown
 * paths, the document itself, the reference pages) are not checked.
 */
export async function assertDeclaredResponse(method: string, url: string, response: Response) {
  const path = new URL(url).pathname;
  const route = operationFor(method.toLowerCase(), path) ?? (method === "HEAD" ? operationFor("get", path) : undefined);
  if (!route) return;
  const name = `${method} ${route.template} (${route.operation.operationId ?? "no operationId"})`;
  const declared = route.operation.responses[String(response.status)] ?? route.operation.responses.default;
  if (!declared) {
    const statuses = Object.keys(route.operation.responses).join(", ");
    throw new Error(`${name} answered ${response.status}, which it does not declare (it declares ${statuses})`);
  }
  const mediaType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
  if (method === "HEAD" || !/^application\/([\w.+-]+\+)?json$/.test(mediaType)) return;
  const content = declared.content?.[mediaType];
  if (!content?.schema) {
    const types = Object.keys(declared.content ?? {}).join(", ") || "no body";
    throw new Error(`${name} answered ${response.status} with ${mediaType}; it declares ${types} for that status`);
  }
  const text = await response.clone().text();
  if (text === "") return;
  const body = JSON.parse(text);
  const result = validatorFor(`${method} ${route.template} ${response.status} ${mediaType}`, content.schema).validate(
    body,
  );
  if (!result.valid) {
    throw new Error(
      `${name} answered ${response.status} with a body that breaks its declared schema:\n${describeErrors(result.errors)}\nbody: ${text.slice(0, 500)}`,
    );
  }
}
