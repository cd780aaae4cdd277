/** An HTTP error answered in Google's JSON error shape. */
export class GoogleHttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  constructor(status: number, body: unknown, headers: Record<string, string> = {}) {
    super(`HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/**
 * Sheets v4 is a one-platform API: errors are `{error: {code, message, status, details?}}`
 * (no legacy `errors` array).
 */
export function sheetsError(status: number, message: string, details?: unknown[]): GoogleHttpError {
  return new GoogleHttpError(status, {
    error: {
      code: status,
      message,
      status: statusNames[status] ?? 'UNKNOWN',
      details,
    },
  });
}

/** Calendar v3 keeps the legacy shape: `{error: {errors: [{domain, reason, message}], code, message}}`. */
export function calendarError(
  status: number,
  reason: string,
  message: string,
  domain = 'global',
): GoogleHttpError {
  return new GoogleHttpError(status, {
    error: { errors: [{ domain, reason, message }], code: status, message },
  });
}
