import { createHmac } from 'node:crypto';

/** What an OAuth 1.0a two-legged signature needs; nonce and timestamp come in (no clock here). */
export interface OAuthRequest {
  method: string;
  url: string;
  consumerKey: string;
  consumerSecret: string;
  nonce: string;
  /** Seconds since the epoch. */
  timestamp: number;
}

const enc = (s: string): string =>
  encodeURIComponent(s).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * The `Authorization` header of a two-legged OAuth 1.0a request signed with HMAC-SHA1
 * (Schoology's API keys): the secret itself never goes over the wire.
 */
export function oauthHeader(request: OAuthRequest): string {
  const url = new URL(request.url);
  const oauth: Record<string, string> = {
    oauth_consumer_key: request.consumerKey,
    oauth_nonce: request.nonce,
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(request.timestamp),
    oauth_token: '',
    oauth_version: '1.0',
  };
  const params: [string, string][] = [];
  for (const [k, v] of url.searchParams) params.push([enc(k), enc(v)]);
  for (const [k, v] of Object.entries(oauth)) params.push([enc(k), enc(v)]);
  params.sort((a, b) => (a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1));
  const base = [
    request.method.toUpperCase(),
    enc(`${url.origin}${url.pathname}`),
    enc(params.map(([k, v]) => `${k}=${v}`).join('&')),
  ].join('&');
  const signature = createHmac('sha1', `${enc(request.consumerSecret)}&`)
    .update(base)
    .digest('base64');
  const fields = { ...oauth, oauth_signature: signature };
  return `OAuth realm="Schoology API", ${Object.entries(fields)
    .map(([k, v]) => `${k}="${enc(v)}"`)
    .join(', ')}`;
}
