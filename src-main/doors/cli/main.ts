// The command-line door: `campaign-desk <command>` on a data directory. Every command goes through the same
// router as the desktop and web doors, so its checks and numbers are the same. Only commander and the command
// list load at start-up; each command imports the app when it runs (open-app.ts).
import { Command, CommanderError } from 'commander';
import { describeFsError } from '../../store/errors';
import { DATA_DIR_ENV, defaultDataDir } from '../../store/data-dir';
import { registerStoreCommands } from './store-commands';
import { registerDataCommands } from './data-commands';
import { registerWordCommands } from './output-commands';
import { registerExcelCommands } from './excel-commands';
import { registerExchangeCommands } from './exchange-commands';

const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

export async function runCli(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('campaign-desk')
    .description('教育整顿工作台 命令行：检查与备份数据、载入演示数据、计算指标、导出报告与统计表')
    .option(
      '--data-dir <dir>',
      `数据目录（默认：环境变量 ${DATA_DIR_ENV}，否则与桌面版相同：${defaultDataDir()}）`,
    )
    .option(
      '--user <name>',
      '启用账户后用此用户登录（密码在提示时输入，或设置环境变量 CAMPAIGN_DESK_PASSWORD）',
    )
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand('help [command]', '显示某个命令的帮助')
    .showHelpAfterError('（使用 --help 查看用法）')
    .configureHelp({ styleTitle: (title) => HELP_TITLES[title] ?? title })
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  registerStoreCommands(program, setExit);
  registerDataCommands(program, setExit);
  registerWordCommands(program);
  registerExcelCommands(program, setExit);
  registerExchangeCommands(program, setExit);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    // A file-system error (a data folder that cannot be read, a disk full) in Chinese with its path.
    process.stderr.write(
      `${describeFsError(e, undefined, '打开') ?? (e instanceof Error ? e.message : String(e))}\n`,
    );
    return 1;
  }
}
