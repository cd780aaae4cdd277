/**
 * Environment variables as `process.env` holds them, or a parsed `.env` file under it: the
 * one `Env` type of Toolbelt (cli-kit re-exports it; packages without cli-kit take it here).
 */
export type Env = Readonly<Record<string, string | undefined>>;
