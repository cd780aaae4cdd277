/**
 * Google's partial-response `fields` syntax (`sheets(properties(title),data/rowData/values/effectiveValue)`)
 * and update field masks (`userEnteredFormat.textFormat.strikethrough`).
 */
export type FieldTree = Map<string, FieldTree | true>;

/** Parse a `fields` selector. Throws on malformed input (Google answers 400). */
export function parseFields(text: string): FieldTree {
  let i = 0;
  const parseList = (depth: number): FieldTree => {
    const tree: FieldTree = new Map();
    for (;;) {
      let name = '';
      while (i < text.length && !',()'.includes(text[i] ?? '')) name += text[i++];
      name = name.trim();
      if (name === '') throw new Error(`Invalid field selection at ${i}`);
      // `a/b/c` is `a(b(c))`.
      const path = name.split(/[/.]/);
      let node: FieldTree = tree;
      for (const [k, seg] of path.entries()) {
        const last = k === path.length - 1;
        if (last && text[i] !== '(') {
          node.set(seg, true);
          break;
        }
        const existing = node.get(seg);
        let child: FieldTree;
        if (existing instanceof Map) child = existing;
        else if (existing === true) break;
        else {
          child = new Map();
          node.set(seg, child);
        }
        if (last) {
          i += 1;
          const sub = parseList(depth + 1);
          for (const [key, value] of sub) child.set(key, value);
          if (text[i] !== ')') throw new Error('Invalid field selection: missing )');
          i += 1;
        }
        node = child;
      }
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      if (text[i] === ')' && depth > 0) return tree;
      if (i >= text.length && depth === 0) return tree;
      throw new Error(`Invalid field selection at ${i}`);
    }
  };
  return parseList(0);
}

/** Keep only the selected fields of a JSON value (arrays are filtered element-wise). */
export function applyFields(value: unknown, tree: FieldTree): unknown {
  if (Array.isArray(value)) return value.map((v) => applyFields(v, tree));
  if (value === null || typeof value !== 'object') return value;
  if (tree.has('*')) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of tree) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const picked = sub === true ? v : applyFields(v, sub);
    // Google drops objects that end up empty after filtering, except inside arrays.
    if (
      picked !== null &&
      typeof picked === 'object' &&
      !Array.isArray(picked) &&
      Object.keys(picked).length === 0
    )
      continue;
    out[key] = picked;
  }
  return out;
}

/** Split an update mask (`a.b,c`) into paths; `*` means every field. */
export function maskPaths(mask: string): string[][] {
  return mask
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.split('.'));
}

/** Copy the value at `path` from `source` to `target` (delete it on the target when absent). */
export function copyPath(
  target: Record<string, unknown>,
  source: Record<string, unknown> | undefined,
  path: readonly string[],
): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  const src = source?.[head];
  if (rest.length === 0) {
    if (src === undefined) delete target[head];
    else target[head] = structuredClone(src);
    return;
  }
  const existing = target[head];
  const child =
    existing !== null && typeof existing === 'object' ? (existing as Record<string, unknown>) : {};
  copyPath(
    child,
    src !== null && typeof src === 'object' ? (src as Record<string, unknown>) : undefined,
    rest,
  );
  if (Object.keys(child).length === 0) delete target[head];
  else target[head] = child;
}
