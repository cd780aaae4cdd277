/** Switchable faults: the stand-in answers the next matching calls with Google's error responses. */
import { GoogleHttpError } from './errors.js';

/** What goes wrong. */
export type FaultKind =
  /** 429 with `Retry-After` (seconds, default 1). */
  | { kind: 'rateLimit429'; retryAfterSeconds?: number }
  /** 5xx with Google's body for it (default 500). */
  | { kind: 'serverError'; status?: 500 | 502 | 503 }
  /** 403 with a usage-limit reason (default `rateLimitExceeded`). */
  | { kind: 'rateLimit403'; reason?: 'rateLimitExceeded' | 'userRateLimitExceeded' }
  /** 403 that no retry fixes: the caller lacks access to the file or calendar. */
  | { kind: 'permissionDenied' }
  /** 401: the token was refused. */
  | { kind: 'unauthenticated' }
  /** Answer normally, but only after `delayMs`. */
  | { kind: 'slow'; delayMs: number };

/** A queued fault. */
export type Fault = FaultKind & {
  /** Method id (`sheets.spreadsheets.get`, `calendar.events.insert`); absent = any call. */
  method?: string;
  /** How many matching calls it hits (default 1). `Infinity` keeps it until `clear()`. */
  times?: number;
};

type Api = 'sheets' | 'calendar';

/** Google's error response for a fault, in the shape of the API that is being called. */
export function faultError(fault: FaultKind, api: Api): GoogleHttpError | undefined {
  const legacy = (
    status: number,
    domain: string,
    reason: string,
    message: string,
    headers: Record<string, string> = {},
  ): GoogleHttpError =>
    new GoogleHttpError(
      status,
      { error: { errors: [{ domain, reason, message }], code: status, message } },
      headers,
    );
  const modern = (
    status: number,
    statusName: string,
    message: string,
    extra: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): GoogleHttpError =>
    new GoogleHttpError(
      status,
      { error: { code: status, message, status: statusName, ...extra } },
      headers,
    );
  switch (fault.kind) {
    case 'rateLimit429': {
      const headers = { 'retry-after': String(fault.retryAfterSeconds ?? 1) };
      if (api === 'calendar')
        return legacy(429, 'usageLimits', 'rateLimitExceeded', 'Rate Limit Exceeded', headers);
      return modern(
        429,
        'RESOURCE_EXHAUSTED',
        "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute per user' of service 'sheets.googleapis.com'.",
        {
          details: [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'RATE_LIMIT_EXCEEDED',
              domain: 'googleapis.com',
              metadata: {
                service: 'sheets.googleapis.com',
                quota_limit: 'ReadRequestsPerMinutePerUser',
              },
            },
          ],
        },
        headers,
      );
    }
    case 'serverError': {
      const status = fault.status ?? 500;
      if (api === 'calendar') return legacy(status, 'global', 'backendError', 'Backend Error');
      return modern(
        status,
        status === 503 ? 'UNAVAILABLE' : 'INTERNAL',
        status === 503 ? 'The service is currently unavailable.' : 'Internal error encountered.',
      );
    }
    case 'rateLimit403': {
      const reason = fault.reason ?? 'rateLimitExceeded';
      const message =
        reason === 'rateLimitExceeded' ? 'Rate Limit Exceeded' : 'User Rate Limit Exceeded';
      if (api === 'calendar') return legacy(403, 'usageLimits', reason, message);
      return new GoogleHttpError(403, {
        error: {
          code: 403,
          message,
          errors: [{ domain: 'usageLimits', reason, message }],
          status: 'PERMISSION_DENIED',
        },
      });
    }
    case 'permissionDenied':
      if (api === 'calendar')
        return legacy(
          403,
          'calendar',
          'requiredAccessLevel',
          'You need to have writer access to this calendar.',
        );
      return modern(403, 'PERMISSION_DENIED', 'The caller does not have permission');
    case 'unauthenticated':
      if (api === 'calendar')
        return new GoogleHttpError(401, {
          error: {
            errors: [
              {
                domain: 'global',
                reason: 'authError',
                message: 'Invalid Credentials',
                locationType: 'header',
                location: 'Authorization',
              },
            ],
            code: 401,
            message: 'Invalid Credentials',
          },
        });
      return modern(
        401,
        'UNAUTHENTICATED',
        'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
      );
    case 'slow':
      return undefined;
  }
}

/** The queue of pending faults. */
export class FaultQueue {
  private readonly queue: Fault[] = [];

  /** Queue a fault; faults are consumed in the order they were added. */
  add(fault: Fault): void {
    this.queue.push({ ...fault, times: fault.times ?? 1 });
  }

  /** Drop every pending fault. */
  clear(): void {
    this.queue.length = 0;
  }

  /** Faults still waiting to hit. */
  pending(): Fault[] {
    return this.queue.map((f) => ({ ...f }));
  }

  /** Take the first fault matching `method`, if any. */
  take(method: string): Fault | undefined {
    const i = this.queue.findIndex((f) => f.method === undefined || f.method === method);
    if (i < 0) return undefined;
    const fault = this.queue[i] as Fault;
    const left = (fault.times ?? 1) - 1;
    if (left <= 0) this.queue.splice(i, 1);
    else fault.times = left;
    return fault;
  }
}
