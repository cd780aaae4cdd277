/** The user fields the parent-buildings job reads and writes. */
export interface BuildingUser {
  id: number;
  school_uid: string;
  building_id: number;
  additional_buildings?: string;
  child_uids?: string;
}

/** How a parent's buildings change: add the children's, or replace with them. */
export type BuildingBehavior = 'add' | 'replace';

/** A bulk PUT entry. */
export interface BuildingPatch {
  id: number;
  building_id: number;
  additional_buildings: string;
}

const split = (list: string | undefined): string[] =>
  (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Filter: the user has children. */
export function keepParents(user: BuildingUser): boolean {
  return split(user.child_uids).length > 0;
}

/** The school uids of a parent's children. */
export function childUids(user: BuildingUser): string[] {
  return split(user.child_uids);
}

/** Every building of a user, primary first. */
export function buildingsOf(user: BuildingUser): number[] {
  return [user.building_id, ...split(user.additional_buildings).map(Number)].filter(
    (n) => Number.isInteger(n) && n > 0,
  );
}

/**
 * The parent's new buildings: the union of the children's buildings limited to `allowed`
 * (empty: no limit), added to or replacing the parent's own. Null when nothing changes or
 * nothing would be left, so running twice changes nothing the second time.
 */
export function planParentBuildings(
  parent: BuildingUser,
  children: readonly BuildingUser[],
  options: { behavior: BuildingBehavior; allowed: readonly number[] },
): BuildingPatch | null {
  const allowed = new Set(options.allowed);
  const fromChildren = children
    .flatMap(buildingsOf)
    .filter((b) => allowed.size === 0 || allowed.has(b));
  const current = buildingsOf(parent);
  const wanted = options.behavior === 'add' ? [...current, ...fromChildren] : fromChildren;
  const unique = [...new Set(wanted)];
  if (unique.length === 0) return null;
  // Keep the parent's primary building when it stays; otherwise the first child building.
  const primary = unique.includes(parent.building_id) ? parent.building_id : unique[0]!;
  const others = unique.filter((b) => b !== primary).sort((a, b) => a - b);
  const same =
    primary === parent.building_id &&
    others.join(',') ===
      [...new Set(current.filter((b) => b !== parent.building_id))].sort((a, b) => a - b).join(',');
  return same
    ? null
    : { id: parent.id, building_id: primary, additional_buildings: others.join(',') };
}

/** `"12, 14,15"` -> `[12, 14, 15]`; invalid items are dropped. */
export function parseBuildingList(text: string): number[] {
  return split(text)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
}
