import { expect, it } from 'vitest';
import { createLoginThrottle } from './login-throttle.js';
import { createSessionStore } from './sessions.js';

it('evicts anonymous sessions before logged-in ones, oldest first', () => {
  let at = 0;
  const store = createSessionStore({ max: 3, idleMs: 100, now: () => at });
  const admin = store.create(true);
  const a = store.create(false);
  const b = store.create(false);
  const c = store.create(false);
  expect(store.size).toBe(3);
  expect(store.find(admin.id)).toBe(admin);
  expect(store.find(a.id)).toBeUndefined();
  expect(store.find(b.id)).toBe(b);
  expect(store.find(c.id)).toBe(c);
  at = 101;
  expect(store.find(admin.id)).toBeUndefined();
  expect(store.find(undefined)).toBeUndefined();
});

it('lets a few typing mistakes through, then doubles the wait, then locks out', () => {
  let at = 0;
  const throttle = createLoginThrottle({ now: () => at });
  for (let i = 0; i < 3; i++) {
    expect(throttle.check('ip')).toEqual({ allowed: true });
    throttle.failed('ip');
  }
  expect(throttle.check('ip')).toEqual({ allowed: true });
  throttle.failed('ip');
  expect(throttle.check('ip')).toEqual({ allowed: false, retryAfterMs: 1000 });
  expect(throttle.check('other')).toEqual({ allowed: true });
  at += 1000;
  throttle.failed('ip');
  expect(throttle.check('ip')).toEqual({ allowed: false, retryAfterMs: 2000 });
  throttle.succeeded('ip');
  expect(throttle.check('ip')).toEqual({ allowed: true });
});
