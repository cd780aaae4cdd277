// The original job library's sample: "Update parent buildings to child buildings".
// Credentials come from the environment: SCHOOLOGY_BASE_URL, SCHOOLOGY_CONSUMER_KEY,
// SCHOOLOGY_CONSUMER_SECRET. The job runner hands a job only the variables its metadata
// declares in `env` (plus PATH, HOME, LANG and the like), never the rest of its environment.
import {
  createSchoologyClient,
  parseBuildingList,
  schoologyOptionsFromEnv,
  updateParentBuildings,
} from '@toolbelt/schoology';

export const metadata = {
  name: 'update-parent-buildings',
  description:
    'Update parent buildings to child buildings: each parent gets the buildings of their children (limited to an allowed list).',
  env: ['SCHOOLOGY_BASE_URL', 'SCHOOLOGY_CONSUMER_KEY', 'SCHOOLOGY_CONSUMER_SECRET'],
  fields: [
    {
      name: 'behavior',
      label: 'Behaviour',
      type: 'select',
      options: ['add', 'replace'],
      default: 'add',
      required: true,
    },
    {
      name: 'allowed_buildings',
      label: 'Allowed buildings (comma-separated ids, empty: any)',
      type: 'string',
    },
    { name: 'dry_run', label: 'Dry run (print the changes only)', type: 'boolean', default: false },
  ],
  timeout: 3600,
};

export async function run(params, ctx) {
  const api = createSchoologyClient(schoologyOptionsFromEnv(ctx.env));
  const result = await updateParentBuildings({
    api,
    behavior: params.behavior,
    allowedBuildings: parseBuildingList(String(params.allowed_buildings ?? '')),
    dryRun: params.dry_run === true,
    log: ctx.log,
  });
  ctx.log(
    `read ${result.read} users, ${result.read - result.filteredOut} parents, ${result.dropped} unchanged, ${result.written} updated, ${result.failed} failed, ${api.requests} API calls`,
  );
  return result.failed > 0 ? 1 : 0;
}
