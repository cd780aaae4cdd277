/** Names every server answers to, whatever address it is bound to. */
export const loopbackNames = ['localhost', '127.0.0.1', '[::1]'] as const;

/** `::1` -> `[::1]`, names lower-cased: the form a name takes in a `Host` header. */
export function toHostName(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

/** The name part of a `Host` header (`example.org:8080` -> `example.org`, `[::1]:80` -> `[::1]`). */
export function hostHeaderName(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return undefined;
    const rest = value.slice(end + 1);
    return rest === '' || /^:\d+$/.test(rest) ? value.slice(0, end + 1) : undefined;
  }
  const match = /^([a-z0-9.-]+)(?::\d+)?$/.exec(value);
  return match ? match[1] : undefined;
}

/**
 * The names a request's `Host` may carry: the loopback names, the address the server is bound
 * to (unless it is a wildcard), the names configured with `--allowed-host` /
 * `JOB_RUNNER_ALLOWED_HOSTS`, and for a wildcard bind the machine's own addresses and name
 * (`local`). A page served under any other name is a DNS-rebinding attempt or a misdirected
 * request, so it gets no page and no token.
 */
export function planAllowedHosts(
  bound: string,
  configured: readonly string[],
  local: readonly string[] = [],
): ReadonlySet<string> {
  const names = new Set<string>(loopbackNames);
  const wildcard = bound === '0.0.0.0' || bound === '::' || bound === '';
  if (!wildcard) names.add(toHostName(bound));
  else for (const name of local) names.add(toHostName(name));
  for (const name of configured) if (name.trim() !== '') names.add(toHostName(name));
  return names;
}

/** True when the `Host` header names this server. */
export function isAllowedHost(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  const name = hostHeaderName(header);
  return name !== undefined && allowed.has(name);
}

/** `JOB_RUNNER_ALLOWED_HOSTS=a.example,b.example` -> names (commas or spaces). */
export function parseHostList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}
