#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so it works right after `npm ci`
// without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
