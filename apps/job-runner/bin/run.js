#!/usr/bin/env node
import { printPrebuiltHelp } from '@toolbelt/cli-kit/fast-help';

// A plain `--help` is answered from the help rendered by oclif at build time, without
// loading oclif; everything else runs through oclif.
if (!printPrebuiltHelp(import.meta.url, process.argv.slice(2))) {
  const { execute } = await import('@oclif/core');
  await execute({ dir: import.meta.url });
}
