/**
 * Calls a running server's API over HTTP as a storefront would (Node-side tests: the browser tests, the runtimes
 * walk), failing the test on any other status than `status`; the body is parsed JSON, or undefined when empty.
 */
export function apiClient(baseUrl: string) {
  return async function send<T = unknown>(
    method: string,
    path: string,
    status: number,
    account?: { accessToken: string },
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(account ? { authorization: `Bearer ${account.accessToken}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
