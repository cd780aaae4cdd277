/** Result of checking `--school-year`: the value, or why it is not one. */
export type SchoolYearCheck =
  { ok: true; schoolYear: string } | { ok: false; reason: 'format' | 'sequence' };

/** `NN-NN` with the second year the first plus one (`23-24`, `99-00`). Pure. */
export function checkSchoolYear(value: string): SchoolYearCheck {
  const m = /^(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return { ok: false, reason: 'format' };
  const first = Number(m[1]);
  const second = Number(m[2]);
  if ((first + 1) % 100 !== second) return { ok: false, reason: 'sequence' };
  return { ok: true, schoolYear: `${m[1]}-${m[2]}` };
}
