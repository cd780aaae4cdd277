export const languages = ['en', 'ru'] as const;
export type Language = (typeof languages)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** `ru_RU.UTF-8` -> `ru`; anything we do not speak -> undefined. */
export function languageFromLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const base = locale.split(/[._@-]/)[0]?.toLowerCase();
  return isLanguage(base) ? base : undefined;
}

/**
 * The run's language: `--lang`, then `TOOLBELT_LANG`, then `LC_ALL`, then `LANG`, default `en`.
 * `env` is passed in so that callers decide where it comes from.
 */
export function detectLanguage(
  flag: string | undefined,
  env: Record<string, string | undefined>,
): Language {
  return (
    (isLanguage(flag) ? flag : undefined) ??
    languageFromLocale(env.TOOLBELT_LANG) ??
    languageFromLocale(env.LC_ALL) ??
    languageFromLocale(env.LANG) ??
    'en'
  );
}

/** Value of `--lang X` or `--lang=X` in raw argv (for code that runs before flag parsing). */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') return argv[i + 1];
    if (arg?.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}
