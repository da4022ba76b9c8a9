#!/usr/bin/env node
// Runs a TypeScript entry point of this repo in plain Node (tsx compiles on the fly), so the CLI, web mode and
// benchmarks work right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('用法：node bin/run-ts.js <入口.ts> [参数…]');
  process.exit(2);
}
register();
process.argv = [process.argv[0], entry, ...rest];
await import(pathToFileURL(path.resolve(entry)).href);
