/** A message catalog: nested objects of strings (i18next JSON v4 layout). */
export interface Catalog {
  [key: string]: string | Catalog;
}

/** One namespace in both languages. */
export interface Bilingual {
  en: Catalog;
  ru: Catalog;
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Flattened keys; plural forms collapse to their base key (`files_few` -> `files`). */
export function catalogKeys(catalog: Catalog, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.add(full.replace(pluralSuffix, ''));
    else for (const k of catalogKeys(value, full)) keys.add(k);
  }
  return keys;
}

/** Flat `key -> text` view of a catalog (plural forms kept as written). */
export function flattenCatalog(catalog: Catalog, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[full] = value;
    else Object.assign(out, flattenCatalog(value, full));
  }
  return out;
}

/**
 * Keys present in one language and not the other; plural keys must have every form the
 * language needs (en: one, other; ru: one, few, many, other). Empty when complete.
 */
export function compareCatalogs(pair: Bilingual): string[] {
  const problems: string[] = [];
  const en = catalogKeys(pair.en);
  const ru = catalogKeys(pair.ru);
  for (const key of en) if (!ru.has(key)) problems.push(`missing in ru: ${key}`);
  for (const key of ru) if (!en.has(key)) problems.push(`missing in en: ${key}`);
  const need = { en: ['one', 'other'], ru: ['one', 'few', 'many', 'other'] } as const;
  for (const lang of ['en', 'ru'] as const) {
    const flat = flattenCatalog(pair[lang]);
    const bases = new Set(
      Object.keys(flat)
        .filter((k) => pluralSuffix.test(k))
        .map((k) => k.replace(pluralSuffix, '')),
    );
    for (const base of bases) {
      for (const form of need[lang]) {
        if (!(`${base}_${form}` in flat))
          problems.push(`plural form missing in ${lang}: ${base}_${form}`);
      }
    }
  }
  return problems;
}
