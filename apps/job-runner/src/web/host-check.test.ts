import { expect, it } from 'vitest';
import { hostHeaderName, isAllowedHost, parseHostList, planAllowedHosts } from './host-check.js';

it('reads the name of a Host header, ports and case aside', () => {
  expect(hostHeaderName('Example.ORG:8080')).toBe('example.org');
  expect(hostHeaderName('[::1]:8099')).toBe('[::1]');
  expect(hostHeaderName('[::1]')).toBe('[::1]');
  expect(hostHeaderName('[::1]x')).toBeUndefined();
  expect(hostHeaderName('a b')).toBeUndefined();
  expect(hostHeaderName('user@host')).toBeUndefined();
  expect(hostHeaderName(undefined)).toBeUndefined();
});

it('allows the loopback names, the bound address and configured names only', () => {
  const allowed = planAllowedHosts('127.0.0.2', ['Jobs.Example.org']);
  for (const host of ['localhost:1', '127.0.0.1', '[::1]:2', '127.0.0.2:80', 'jobs.example.org'])
    expect(isAllowedHost(host, allowed), host).toBe(true);
  for (const host of ['attacker.example:8099', '127.0.0.3', 'localhost.attacker.example', ''])
    expect(isAllowedHost(host, allowed), host).toBe(false);
});

it("answers a wildcard bind under the machine's own names, never under 0.0.0.0", () => {
  const allowed = planAllowedHosts('0.0.0.0', [], ['box', '10.0.0.5', 'fe80::1']);
  expect([...allowed].sort()).toEqual(
    ['10.0.0.5', '127.0.0.1', '[::1]', '[fe80::1]', 'box', 'localhost'].sort(),
  );
  expect(parseHostList(' a.example, b.example  c.example,')).toEqual([
    'a.example',
    'b.example',
    'c.example',
  ]);
});
