import { createChunkedSink, etl, type EtlResult } from '@toolbelt/etl';
import type { Language } from '@toolbelt/i18n';
import type { SchoologyClient } from './client.js';
import { messages } from './i18n/index.js';
import {
  childUids,
  keepParents,
  planParentBuildings,
  type BuildingBehavior,
  type BuildingPatch,
  type BuildingUser,
} from './parent-buildings.js';

/** Options of the "Update parent buildings to child buildings" job. */
export interface UpdateParentBuildingsOptions {
  api: SchoologyClient;
  behavior: BuildingBehavior;
  /** Buildings a parent may receive (empty: any). */
  allowedBuildings: readonly number[];
  /** Users per page read (default 200). */
  pageSize?: number;
  /** Plan only: print the changes, PUT nothing. */
  dryRun?: boolean;
  /** Progress lines (the job's log). */
  log?: (line: string) => void;
  /** Language of the progress lines (default `en`). */
  lang?: Language;
}

interface TransformParams {
  api: SchoologyClient;
  behavior: BuildingBehavior;
  allowed: readonly number[];
}

/** Transform: the parent's building patch from their children's buildings (null: no change). */
async function updateByChildBuildings(
  parent: BuildingUser,
  params: TransformParams,
): Promise<BuildingPatch | null> {
  const uids = childUids(parent);
  const found = await params.api.getJson<{ user?: BuildingUser[] }>(
    `users?school_uids=${encodeURIComponent(uids.join(','))}`,
  );
  return planParentBuildings(parent, found.user ?? [], {
    behavior: params.behavior,
    allowed: params.allowed,
  });
}

/**
 * Stream every user, keep parents, set each parent's buildings from their children's
 * (limited to the allowed list), and PUT the changes in bulk chunks of 50: the original's
 * `api.etl(streamIn=asyncGetPaged, filters=[keepParents], transforms=[updateByChildBuildings],
 * streamOut=bulkProcessFromList)`.
 */
export function updateParentBuildings(options: UpdateParentBuildingsOptions): Promise<EtlResult> {
  const { api } = options;
  const lang = options.lang ?? 'en';
  const sink = createChunkedSink<BuildingPatch>({
    size: 50,
    write: async (chunk, info) => {
      if (options.dryRun) {
        for (const patch of chunk)
          options.log?.(
            messages.format(lang, 'log.wouldSet', {
              id: patch.id,
              building: patch.building_id,
              additional: patch.additional_buildings,
            }),
          );
        return 0;
      }
      const written = await api.bulkPut('users', chunk);
      options.log?.(
        messages.format(lang, 'log.chunkUpdated', {
          chunk: info.index + 1,
          written,
          size: chunk.length,
        }),
      );
      return written;
    },
  });
  return etl<BuildingUser, BuildingPatch, { location: string }, { location: string }>({
    streamIn: ({ location }) =>
      api.streamPaged<BuildingUser>(location, { limit: options.pageSize ?? 200 }),
    streamInParams: { location: 'users' },
    filters: [keepParents],
    transforms: [updateByChildBuildings],
    transParams: [
      {
        api,
        behavior: options.behavior,
        allowed: options.allowedBuildings,
      } satisfies TransformParams,
    ],
    streamOut: (records, _params, context) => sink(records, context).then((r) => r ?? undefined),
    streamOutParams: { location: 'users' },
  });
}
