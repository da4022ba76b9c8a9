// The CLI as a program: `node out/node/cli.js <command>` (what bin/campaign-desk.js runs) sets the exit code.
import { runCli } from './main';

process.exitCode = await runCli(process.argv.slice(2));
