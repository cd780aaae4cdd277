/** Unit words of {@link formatElapsed}, from the catalog (`units.*`). */
export interface ElapsedUnits {
  h: string;
  min: string;
  s: string;
}

/**
 * A duration as people read it: `0.4 s`, `12 s`, `3 min 05 s`, `2 h 03 min`. Pure; the unit
 * words come in so the shell can give them in the user's language.
 */
export function formatElapsed(ms: number, units: ElapsedUnits): string {
  const safe = Math.max(0, ms);
  if (safe < 10_000) return `${(Math.floor(safe / 100) / 10).toFixed(1)} ${units.s}`;
  const seconds = Math.floor(safe / 1000);
  if (seconds < 60) return `${seconds} ${units.s}`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60)
    return `${minutes} ${units.min} ${String(seconds % 60).padStart(2, '0')} ${units.s}`;
  return `${Math.floor(minutes / 60)} ${units.h} ${String(minutes % 60).padStart(2, '0')} ${units.min}`;
}

/** How long a run took, or has been running at `now`; undefined before it started. */
export function runElapsedMs(
  run: { startedAt: Date | null; finishedAt: Date | null },
  now: Date,
): number | undefined {
  if (!run.startedAt) return undefined;
  return (run.finishedAt ?? now).getTime() - run.startedAt.getTime();
}
