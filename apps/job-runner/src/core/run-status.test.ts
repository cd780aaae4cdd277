import { expect, it } from 'vitest';
import { decideOutcome, isFinished, runExitCode } from './run-status.js';
import { parseDuration } from './duration.js';

it('decides the outcome from how the job ended', () => {
  expect(decideOutcome({ code: 0, signal: null })).toEqual({
    status: 'succeeded',
    exitCode: 0,
    reason: null,
  });
  expect(decideOutcome({ code: 3, signal: null })).toEqual({
    status: 'failed',
    exitCode: 3,
    reason: 'exit code 3',
  });
  expect(decideOutcome({ code: null, signal: 'SIGKILL' })).toEqual({
    status: 'failed',
    exitCode: null,
    reason: 'killed by SIGKILL',
  });
  expect(
    decideOutcome({ code: null, signal: 'SIGTERM', stoppedBy: 'timeout', timeoutSeconds: 2 }),
  ).toEqual({ status: 'failed', exitCode: null, reason: 'timed out after 2 s' });
  expect(decideOutcome({ code: 143, signal: null, stoppedBy: 'cancel' }).status).toBe('cancelled');
  expect(decideOutcome({ code: null, signal: null, spawnError: 'ENOENT' })).toEqual({
    status: 'failed',
    exitCode: null,
    reason: 'could not start: ENOENT',
  });
  expect(isFinished('running')).toBe(false);
  expect(isFinished('cancelled')).toBe(true);
});

it('parses retention durations', () => {
  expect(parseDuration('30d')).toBe(30 * 86_400_000);
  expect(parseDuration('90m')).toBe(90 * 60_000);
  expect(parseDuration('2W')).toBe(14 * 86_400_000);
  expect(parseDuration('30 days')).toBeUndefined();
});

it('ends a command with PARTIAL when its run did not succeed', () => {
  expect(['succeeded', 'queued', 'running'].map(runExitCode)).toEqual(['OK', 'OK', 'OK']);
  expect(['failed', 'cancelled'].map(runExitCode)).toEqual(['PARTIAL', 'PARTIAL']);
});
