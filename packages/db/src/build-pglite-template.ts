// Build step of @toolbelt/db: `node dist/build-pglite-template.js` makes dist/pglite-template.
import { buildTemplate } from './pglite-template.js';

const dir = await buildTemplate();
process.stdout.write(`pglite template: ${dir}\n`);
