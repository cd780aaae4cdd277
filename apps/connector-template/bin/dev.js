#!/usr/bin/env node
// Runs the built commands without the manifest, for development.
import { execute } from '@oclif/core';

await execute({ development: true, dir: import.meta.url });
