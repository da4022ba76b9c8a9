// When the window's page process dies (crash, out of memory, killed) or stops answering, main — which holds the
// data and keeps running — asks in Chinese whether to reload the page. What was saved is on disk either way; a
// reload only loses what had not been saved yet, and the dialog says so. Never a dead white window.
import type { MessageBoxOptions, MessageBoxReturnValue, RenderProcessGoneDetails } from 'electron';

/** The parts of a BrowserWindow this needs (the tests hand in a stand-in). */
export interface WatchedWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  isDestroyed(): boolean;
  webContents: {
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: Pick<RenderProcessGoneDetails, 'reason' | 'exitCode'>) => void,
    ): unknown;
    reload(): void;
    forcefullyCrashRenderer(): void;
  };
}

export type ShowMessageBox = (options: MessageBoxOptions) => Promise<Pick<MessageBoxReturnValue, 'response'>>;

export interface WatchOptions {
  showMessageBox: ShowMessageBox;
  quit(): void;
  log?(message: string, meta?: Record<string, unknown>): void;
}

const GONE_REASONS: Record<string, string> = {
  crashed: '界面进程崩溃',
  oom: '内存不足',
  killed: '界面进程被系统或其他程序结束',
  'abnormal-exit': '界面进程异常退出',
  'launch-failed': '界面进程无法启动',
  'integrity-failure': '程序文件校验失败（程序文件可能已损坏，如反复出现请重新安装）',
  'memory-eviction': '系统内存紧张，界面被回收',
};

const DATA_SAFE =
  '已经保存的数据都在本机磁盘上，没有丢失；只有尚未点“保存”的输入（如正在填写的表单）需要重新填写。';

export function watchRenderer(win: WatchedWindow, opts: WatchOptions): void {
  let asking = false;
  /** Set when we end a hung page ourselves: its "gone" event is the reload under way, not a new failure. */
  let endingHungPage = false;
  let waitForAnswer: AbortController | null = null;

  const reload = () => {
    if (!win.isDestroyed()) win.webContents.reload();
  };

  win.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    if (endingHungPage) {
      endingHungPage = false; // the reload that follows forcefullyCrashRenderer is already under way
      return;
    }
    opts.log?.('界面进程意外结束', { reason: details.reason, exitCode: details.exitCode });
    if (asking) return;
    asking = true;
    void opts
      .showMessageBox({
        type: 'error',
        title: '教育整顿工作台',
        message: `界面意外关闭（${GONE_REASONS[details.reason] ?? '界面进程意外结束'}）`,
        detail: `${DATA_SAFE}点“重新载入”恢复界面。`,
        buttons: ['重新载入', '退出程序'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      })
      .then(({ response }) => {
        asking = false;
        if (response === 0) reload();
        else opts.quit();
      });
  });

  win.on('unresponsive', () => {
    opts.log?.('界面没有响应');
    if (asking) return;
    asking = true;
    waitForAnswer = new AbortController();
    void opts
      .showMessageBox({
        type: 'warning',
        title: '教育整顿工作台',
        message: '界面没有响应',
        detail:
          '程序可能正在处理大量数据（如导入很大的表格），可以继续等待。' + `也可以重新载入界面：${DATA_SAFE}`,
        buttons: ['继续等待', '重新载入'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
        signal: waitForAnswer.signal,
      })
      .then(({ response }) => {
        asking = false;
        waitForAnswer = null;
        if (response !== 1 || win.isDestroyed()) return;
        // A hung page cannot be reloaded politely: end its process, then load it afresh (Electron's own recipe).
        endingHungPage = true;
        win.webContents.forcefullyCrashRenderer();
        win.webContents.reload();
      });
  });

  // The page answered again before the person chose: the question no longer applies, close it.
  win.on('responsive', () => waitForAnswer?.abort());
}
