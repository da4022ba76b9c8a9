// 'store:restore' given a file that is not a backup: refused as bad_file in Chinese, nothing changed, and not one
// byte of the file copied into logs/app.log (the issue's /etc/shadow landed there as "root:*:…").
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src-main/app/create-app';
import { createFileLogger } from '../../../src-main/app/logger';
import type { CallContext } from '../../../src-main/shared/context';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleMeeting } from '../../helpers/test-app';

/** Ten characters: V8 quotes about that much of the text around a JSON error, and that is what leaked. */
const MARKER = 'S3CR3TMARK';
const ctx: CallContext = { door: 'internal', user: null, sessionId: 'restore-test' };

let tmp: ReturnType<typeof makeTempDir>;
let app: App;

beforeEach(async () => {
  tmp = makeTempDir('restore-');
  app = await createApp({
    dataDir: path.join(tmp.dir, 'data'),
    owner: 'test',
    logger: createFileLogger(path.join(tmp.dir, 'data')),
    documentsDir: path.join(tmp.dir, 'documents'),
  });
});
afterEach(async () => {
  await app.close();
  tmp.remove();
});

function file(name: string, content: string): string {
  const f = path.join(tmp.dir, name);
  writeFileSync(f, content);
  return f;
}

describe('store:restore refuses what is not a backup', () => {
  it('answers bad_file in Chinese, changes nothing, and keeps the file’s bytes out of the log', async () => {
    const created = await app.call('ledgers:create', { ledger: 'meetings', record: sampleMeeting() }, ctx);
    expect(created.ok).toBe(true);
    const candidates = [
      file('shadow', `${MARKER}:$6$salt$hash:19000:0:99999:7:::\nroot:*:19000:0:99999:7:::\n`),
      '/etc/passwd',
      file('notes.json', `{"note":"${MARKER}","list":[1,2,3]}`),
      // Looks like a backup at first, then is damaged right after the secret.
      file('broken.json', `{"format":"campaign-desk-backup","formatVersion":1,"x":${MARKER}}`),
      file('empty.json', ''),
      '/dev/zero', // never read to the end
      tmp.dir, // a folder
      path.join(tmp.dir, 'missing.json'),
    ];
    for (const f of candidates) {
      const r = await app.call('store:restore', { file: f }, ctx);
      expect(r.ok, f).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, `${f}: ${r.error.message}`).toBe('bad_file');
      expect(r.error.message, f).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.error.message, f).not.toContain(MARKER);
      expect(r.error.message, f).not.toContain('root:');
    }
    const list = await app.call('ledgers:list', { ledger: 'meetings' }, ctx);
    expect(list.ok ? (list.data as { records: unknown[] }).records : null).toHaveLength(1);
    const logFile = path.join(tmp.dir, 'data', 'logs', 'app.log');
    const log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    expect(log).not.toContain(MARKER);
    expect(log).not.toContain('root:');
    expect(log).not.toContain('$6$');
  });
});
