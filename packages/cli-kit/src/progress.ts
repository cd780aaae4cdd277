/** Progress of long work, drawn on stderr. */
export interface Progress {
  /** Advance by `n` (default 1). */
  tick(n?: number): void;
  /** Set the total when it becomes known. */
  setTotal(total: number): void;
  stop(): void;
  /** Add `n` to one of the counters shown after the bar (`records: 60,000`). */
  count?(name: string, n: number): void;
  /**
   * Print a line (a log line) above the bar and draw the bar again below it, so that log
   * lines and the bar do not overwrite each other. Absent when nothing is drawn.
   */
  printAbove?(chunk: string): void;
}

/** A number shown after the bar, e.g. the records read so far. */
export interface ProgressCounter {
  /** Key passed to `count()`. */
  name: string;
  /** Label in the user's language. */
  label: string;
}

export interface ProgressOptions {
  label: string;
  total?: number;
  /** Draw at all: false with --json, --quiet or when stderr is not a terminal. */
  enabled: boolean;
  stream?: NodeJS.WriteStream;
  /** Counters shown after the bar (`| records: 1,234`). */
  counters?: readonly ProgressCounter[];
  /** Locale of the counters' digit grouping (default en). */
  locale?: string;
}

const silent: Progress = {
  tick: () => undefined,
  setTotal: () => undefined,
  stop: () => undefined,
  count: () => undefined,
};

/**
 * A progress bar on stderr (cli-progress), or a silent no-op when disabled or when stderr
 * is not a terminal, so pipelines and `--json` output never get control characters.
 */
export async function createProgress(options: ProgressOptions): Promise<Progress> {
  const stream = options.stream ?? process.stderr;
  if (!options.enabled || !stream.isTTY) return silent;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const counters = options.counters ?? [];
  const extra = counters.map((c) => ` | ${c.label}: {${c.name}}`).join('');
  const bar = new SingleBar(
    {
      stream,
      format: `${options.label} [{bar}] {value}/{total} {percentage}%${extra}`,
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: false,
      // Redraw at most ~10 times a second however often work ticks.
      fps: 10,
      // Draw again after a line printed above it, even when the numbers did not change.
      forceRedraw: true,
    },
    Presets.shades_classic,
  );
  const format = new Intl.NumberFormat(options.locale ?? 'en');
  const counts: Record<string, number> = Object.fromEntries(counters.map((c) => [c.name, 0]));
  const payload = (): Record<string, string> =>
    Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, format.format(v)]));
  let total = options.total ?? 0;
  bar.start(total, 0, payload());
  let value = 0;
  let stopped = false;
  return {
    tick: (n = 1) => {
      value += n;
      if (value > total) bar.setTotal((total = value));
      bar.update(value, payload());
    },
    setTotal: (t) => bar.setTotal((total = t)),
    count: (name, n) => {
      counts[name] = (counts[name] ?? 0) + n;
      bar.update(value, payload());
    },
    printAbove: (chunk) => {
      // Clear the bar's line, print, and draw the bar again under what was printed.
      stream.write('\r\u001b[2K');
      stream.write(chunk);
      if (!stopped) bar.render();
    },
    stop: () => {
      if (stopped) return;
      stopped = true;
      bar.stop();
    },
  };
}
