export interface LocalOidcClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

export function startOidcProvider(options: {
  port?: number;
  host?: string;
  clients: LocalOidcClient[];
}): Promise<{ issuer: string; close(): Promise<void> }>;
