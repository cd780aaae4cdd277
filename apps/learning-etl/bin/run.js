#!/usr/bin/env -S node --
// `node --` so that Node 20 does not take the tool's own --env-file flag for its own.
import { runCli } from '@toolbelt/cli-kit/entry';

// A plain `--help` is answered from the help rendered by oclif at build time, without
// loading oclif; unknown commands get "did you mean"; everything else runs through oclif.
await runCli(import.meta.url);
