// `campaign-desk --cli <命令>`: the installed app runs its command line (verify, backup, restore…) instead of
// opening a window. On an office PC the app is the only Node there is, and its runAsNode fuse is off, so the CLI
// is reached through this switch. Same commands, same data directory default as the window.
import type { App } from 'electron';

export const CLI_SWITCH = '--cli';

/** The arguments after `--cli`, or null when the app was started without it (then it opens its window). */
export function cliArgsOf(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_SWITCH);
  return at < 0 ? null : argv.slice(at + 1);
}

type RunCli = (args: string[]) => Promise<number>;

const loadCli: RunCli = async (args) => (await import('../doors/cli/main')).runCli(args);

/** Runs one CLI command in this process and exits with its code; no window, no single-instance lock. */
export async function runCliInElectron(app: Pick<App, 'exit'>, args: string[], runCli: RunCli = loadCli) {
  let code = 1;
  try {
    code = await runCli(args);
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  }
  app.exit(code);
}
