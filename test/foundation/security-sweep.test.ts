import { generateKeyPair, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { openApiDocument } from "../../workers/http/openapi";
import { api } from "../support/http";

interface Parameter {
  name: string;
  in: string;
  schema?: { pattern?: string; example?: string };
}

interface Operation {
  operationId?: string;
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
}

const document = openApiDocument(createApp(), "http://bazaar.test") as unknown as {
  paths: Record<string, Record<string, Operation>>;
};

/** Every operation that names the bearer scheme; `required` when no requirement lets an anonymous caller in. */
const guarded = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, operation]) => operation.security?.some((requirement) => "bearerAuth" in requirement))
    .map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
      required: operation.security!.every((requirement) => Object.keys(requirement).length > 0),
    })),
);

/** A well-formed value for a path parameter: its example, or an id of the prefix its pattern asks for. */
function wellFormed(parameter: Parameter): string {
  const { pattern, example } = parameter.schema ?? {};
  const prefixed = pattern && /^\^([a-z]+)_\[0-9a-f\]\{32\}\$$/.exec(pattern);
  const value = example ?? (prefixed ? `${prefixed[1]}_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f` : "9780261102217");
  if (pattern) expect(value, `${parameter.name} matches ${pattern}`).toMatch(new RegExp(pattern));
  return value;
}

function urlOf(path: string, operation: Operation) {
  return (operation.parameters ?? [])
    .filter((parameter) => parameter.in === "path")
    .reduce((url, parameter) => url.replace(`{${parameter.name}}`, wellFormed(parameter)), path);
}

/** A token that looks like ours (ES256, our kid, issuer and audience, every role) but is signed by another key. */
async function forgedToken() {
  const { privateKey } = await generateKeyPair("ES256");
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: "ses_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f", roles: ["buyer", "seller", "admin"] })
    .setProtectedHeader({ alg: "ES256", kid: "dev-test-current" })
    .setSubject("usr_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f")
    .setIssuer("book-bazaar")
    .setAudience("book-bazaar-api")
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(privateKey);
}

function call(method: string, url: string, authorization?: string) {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  if (method === "GET" || method === "DELETE") return api(url, { method, headers });
  return api(url, { method, headers: { ...headers, "content-type": "application/json" }, body: "{}" });
}

async function expectProblem401(response: Response, code: string, what: string) {
  expect(response.status, what).toBe(401);
  expect(response.headers.get("content-type"), what).toMatch(/^application\/problem\+json/);
  expect(await response.json(), what).toMatchObject({ status: 401, code });
}

describe("every operation that names the bearer scheme refuses callers it cannot trust", () => {
  it("finds the guarded operations in the document", () => {
    expect(guarded.filter(({ required }) => required).length).toBeGreaterThan(30);
  });

  it.each(guarded.filter(({ required }) => required).map((route) => [`${route.method} ${route.path}`, route]))(
    "%s answers 401 problem+json without a token",
    async (name, { method, path, operation }) => {
      await expectProblem401(await call(method, urlOf(path, operation)), "unauthorized", name);
    },
  );

  it.each(guarded.map((route) => [`${route.method} ${route.path}`, route]))(
    "%s answers 401 problem+json to a forged token",
    async (name, { method, path, operation }) => {
      const forged = `Bearer ${await forgedToken()}`;
      await expectProblem401(await call(method, urlOf(path, operation), forged), "invalid_token", name);
    },
  );
});
