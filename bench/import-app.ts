// The app as an import bench drives it: a real app on a data directory with the office's units and lists (those
// of the records the bench exports), and an import the way the screen does it, preview then commit, through the
// router. Used in-process and by the peak-memory child process.
import { createApp } from '../src-main/app/create-app';
import type { App } from '../src-main/app/create-app';
import { silentLogger } from '../src-main/app/logger';
import type { CallContext } from '../src-main/shared/context';
import type { Settings } from '../src-main/shared/settings';
import { testSettings } from '../tests/unit/excel/fixtures';

const ctx: CallContext = { door: 'internal', user: null, sessionId: 'bench' };

async function ok<T>(app: App, channel: string, args: unknown): Promise<T> {
  const r = await app.call(channel, args, ctx);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.data as T;
}

export async function openImportApp(dataDir: string): Promise<App> {
  const app = await createApp({ dataDir, owner: 'test', logger: silentLogger });
  const current = await ok<Settings>(app, 'settings:get', {});
  const office = testSettings();
  await ok(app, 'settings:update', {
    settings: { ...current, units: office.units, choiceLists: office.choiceLists, setupDone: true },
  });
  return app;
}

/** Preview, then commit, as the import dialog does; the commit's counts. */
export async function importFile(app: App, file: Uint8Array): Promise<{ created: number; updated: number }> {
  const args = {
    ledger: 'meetings',
    fileName: '会议台账.xlsx',
    dataBase64: Buffer.from(file).toString('base64'),
    onDuplicate: 'skip',
  };
  const preview = await ok<{ summary: { canCommit: boolean; errorRows: number } }>(
    app,
    'excel:importPreview',
    args,
  );
  if (!preview.summary.canCommit) throw new Error(`基准无效：预览有 ${preview.summary.errorRows} 行错误`);
  return ok(app, 'excel:importCommit', args);
}
