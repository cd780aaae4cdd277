const units: Record<string, number> = {
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `30d`, `12h`, `90m`, `45s`, `2w` -> milliseconds; undefined when it is not such a text. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+)\s*([smhdw])\s*$/i.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * (units[match[2]!.toLowerCase()] ?? 0);
}
