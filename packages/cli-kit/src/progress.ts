/** Progress of long work, drawn on stderr. */
export interface Progress {
  /** Advance by `n` (default 1). */
  tick(n?: number): void;
  /** Set the total when it becomes known. */
  setTotal(total: number): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total?: number;
  /** Draw at all: false with --json, --quiet or when stderr is not a terminal. */
  enabled: boolean;
  stream?: NodeJS.WriteStream;
}

const silent: Progress = {
  tick: () => undefined,
  setTotal: () => undefined,
  stop: () => undefined,
};

/**
 * A progress bar on stderr (cli-progress), or a silent no-op when disabled or when stderr
 * is not a terminal, so pipelines and `--json` output never get control characters.
 */
export async function createProgress(options: ProgressOptions): Promise<Progress> {
  const stream = options.stream ?? process.stderr;
  if (!options.enabled || !stream.isTTY) return silent;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    {
      stream,
      format: `${options.label} [{bar}] {value}/{total} {percentage}% | {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      noTTYOutput: false,
    },
    Presets.shades_classic,
  );
  let total = options.total ?? 0;
  bar.start(total, 0);
  let value = 0;
  return {
    tick: (n = 1) => {
      value += n;
      if (value > total) bar.setTotal((total = value));
      bar.update(value);
    },
    setTotal: (t) => bar.setTotal((total = t)),
    stop: () => bar.stop(),
  };
}
