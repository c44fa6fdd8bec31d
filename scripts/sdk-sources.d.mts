/** The SDK's generated files (path → text) for a parsed OpenAPI document. */
export function sdkSources(document: unknown): Promise<Record<string, string>>;
