export { createSchoologyClient, schoologyOptionsFromEnv } from './client.js';
export type { SchoologyClient, SchoologyClientOptions } from './client.js';
export { oauthHeader } from './oauth1.js';
export type { OAuthRequest } from './oauth1.js';
export {
  buildingsOf,
  childUids,
  keepParents,
  parseBuildingList,
  planParentBuildings,
} from './parent-buildings.js';
export type { BuildingBehavior, BuildingPatch, BuildingUser } from './parent-buildings.js';
export { updateParentBuildings } from './update-parent-buildings.js';
export type { UpdateParentBuildingsOptions } from './update-parent-buildings.js';
export { messages } from './i18n/index.js';
