// Electron's entry point (out/main/main.js). With `--cli` the installed app runs one command-line command and
// exits (cli-switch.ts); otherwise it starts the desktop app (main.ts) under the Chinese menu (menu.ts).
// main.ts is imported only in the second case: its start-up (single-instance lock, app:// scheme) must not run
// for a CLI command.
import { app } from 'electron';
import { cliArgsOf, runCliInElectron } from './cli-switch';
import { installMenu } from './menu';

const cliArgs = cliArgsOf(process.argv);
if (cliArgs) {
  void runCliInElectron(app, cliArgs);
} else {
  // Every renderer sandboxed whatever a window's webPreferences say (must precede 'ready').
  app.enableSandbox();
  void import('./main');
  void app.whenReady().then(() => installMenu());
}
