// Is a scenario's module built yet? A route is missing when the OpenAPI document does not declare it and the
// app answers it with the 404 `not_found` problem of an unknown route.

let openApiPaths;

async function declared(baseUrl, method, path) {
  if (!openApiPaths) {
    const response = await fetch(`${baseUrl}/openapi.json`);
    openApiPaths = response.ok ? ((await response.json()).paths ?? {}) : {};
  }
  return Boolean(openApiPaths[path]?.[method.toLowerCase()]);
}

async function answersUnknownRoute(baseUrl, method, examplePath) {
  const response = await fetch(`${baseUrl}${examplePath}`, {
    method,
    headers: { "content-type": "application/json" },
    body: method === "GET" || method === "HEAD" ? undefined : "{}",
  });
  const type = response.headers.get("content-type") ?? "";
  if (response.status !== 404 || !type.includes("problem+json")) return false;
  const problem = await response.json().catch(() => ({}));
  return problem.code === "not_found";
}

/** `route`: `{ method, path: "/v1/books/{isbn}", example: "/v1/books/9780141439518" }` (example defaults to path). */
export async function routeExists(baseUrl, route) {
  if (await declared(baseUrl, route.method, route.path)) return true;
  return !(await answersUnknownRoute(baseUrl, route.method.toUpperCase(), route.example ?? route.path));
}
