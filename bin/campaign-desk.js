#!/usr/bin/env node
// The campaign-desk command line: checks, backups, demo data, indicators and exports on a data directory.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src-main/doors/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
