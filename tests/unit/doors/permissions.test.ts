// What each role may and may not do, through the real web door (token + X-Session), not only the policy.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { startWebServer } from '../../../src-main/doors/http/web-server';
import type { WebServer } from '../../../src-main/doors/http/web-server';
import { makeTempDir } from '../../helpers/temp-dir';
import { openTestApp, sampleMeeting, setUpOffice } from '../../helpers/test-app';
import type { TestApp } from '../../helpers/test-app';

let t: TestApp;
let server: WebServer;
const staticDir = makeTempDir('renderer-');
const PASSWORD = 'Zhengdun#2026';
let sessions: Record<string, string> = {};
let trainingMeetingId = '';
let draftingMeetingId = '';

type Envelope = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

async function api(channel: string, body: unknown, session?: string): Promise<Envelope> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${channel}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${server.token}`,
      ...(session ? { 'X-Session': session } : {}),
    },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Envelope;
}

beforeAll(async () => {
  t = await openTestApp();
  await setUpOffice(t);
  draftingMeetingId = (await t.ok('ledgers:create', { ledger: 'meetings', record: sampleMeeting() })).id;
  trainingMeetingId = (
    await t.ok('ledgers:create', {
      ledger: 'meetings',
      record: sampleMeeting({ group: 'training', title: '专题学习会' }),
    })
  ).id;
  server = await startWebServer({
    call: t.app.call,
    staticDir: staticDir.dir,
    contextFor: (s, fb) => t.app.security.sessions.contextFor('http', s, fb),
  });
  const setup = await api('auth:setupAdmin', {
    username: 'admin',
    displayName: '办公室主任',
    password: PASSWORD,
  });
  expect(setup.ok).toBe(true);
  sessions = { admin: (setup.data as { sessionId: string }).sessionId };
  // Clues are stored only encrypted, so only once the administrator exists.
  const clue = await api(
    'ledgers:create',
    {
      ledger: 'clues',
      record: {
        group: 'clues',
        unit: 'u-office',
        date: '2026-04-02',
        clueNo: 'XS-2026-001',
        source: '信访举报',
        personName: '张某某',
        reporter: '李某',
        status: '待处置',
      },
    },
    sessions.admin,
  );
  expect(clue.ok, clue.error?.message).toBe(true);
  const users = [
    { username: 'member', displayName: '文稿组干部', role: 'member', groups: ['drafting'] },
    { username: 'clue', displayName: '线索组干部', role: 'clue', groups: ['clues'] },
    { username: 'reader', displayName: '分管领导', role: 'readonly', groups: [] },
  ];
  for (const u of users) {
    const r = await api('users:create', { ...u, password: PASSWORD }, sessions.admin);
    expect(r.ok, r.error?.message).toBe(true);
    const s = await api('auth:signIn', { username: u.username, password: PASSWORD });
    expect(s.ok, s.error?.message).toBe(true);
    const id = (s.data as { sessionId: string }).sessionId;
    // The password the administrator chose must be changed before anything else (the API enforces it).
    const c = await api('auth:changePassword', { oldPassword: PASSWORD, newPassword: `${PASSWORD}~` }, id);
    expect(c.ok, c.error?.message).toBe(true);
    sessions[u.role === 'readonly' ? 'readonly' : u.role] = id;
  }
});
afterAll(async () => {
  await server.close();
  await t.close();
  staticDir.remove();
});

const attempts: [string, (s?: string) => Promise<Envelope>][] = [
  ['read meetings', (s) => api('ledgers:list', { ledger: 'meetings' }, s)],
  [
    'edit own-group meeting',
    (s) =>
      api(
        'ledgers:update',
        { ledger: 'meetings', id: draftingMeetingId, record: sampleMeeting({ place: '一楼' }) },
        s,
      ),
  ],
  [
    'edit other-group meeting',
    (s) =>
      api(
        'ledgers:update',
        {
          ledger: 'meetings',
          id: trainingMeetingId,
          record: sampleMeeting({ group: 'training', title: '专题学习会', place: '二楼' }),
        },
        s,
      ),
  ],
  ['read clues', (s) => api('ledgers:list', { ledger: 'clues' }, s)],
  ['see statistics', (s) => api('stats:compute', { from: '2026-04-01', to: '2026-04-30' }, s)],
  [
    'change settings',
    async (s) => {
      const cur = await api('settings:get', {}, sessions.admin);
      return api('settings:update', { settings: cur.data }, s);
    },
  ],
  ['manage users', (s) => api('users:list', {}, s)],
  ['read the audit log', (s) => api('audit:list', { page: 1, pageSize: 10 }, s)],
];

// Expected: true = allowed. Columns follow `attempts`.
const MATRIX: Record<string, boolean[]> = {
  admin: [true, true, true, true, true, true, true, true],
  member: [true, true, false, false, true, false, false, false],
  clue: [true, false, false, true, true, false, false, false],
  readonly: [true, false, false, false, true, false, false, false],
  'token only': [false, false, false, false, false, false, false, false],
};

describe('role table through the web door', () => {
  for (const [role, expected] of Object.entries(MATRIX)) {
    it(`${role}: ${attempts.map(([name], i) => `${expected[i] ? '可' : '不可'}${name}`).join('，')}`, async () => {
      for (const [i, [name, attempt]] of attempts.entries()) {
        const r = await attempt(sessions[role]);
        expect({ name, ok: r.ok }, r.error?.message).toEqual({ name, ok: expected[i] });
        if (!r.ok) expect(['forbidden', 'unauthenticated']).toContain(r.error?.code);
      }
    });
  }

  it('ignores a forged role or user in the request body', async () => {
    const r = await api('users:list', { role: 'admin', user: { role: 'admin' } }, sessions.readonly);
    expect(r.ok).toBe(false);
  });

  it('exports the 操作日志 to Excel for the administrator only, names masked', async () => {
    expect((await api('audit:export', {}, sessions.readonly)).ok).toBe(false);
    const r = await api('audit:export', { action: '登录' }, sessions.admin);
    expect(r.ok, r.error?.message).toBe(true);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((r.data as { dataBase64: string }).dataBase64, 'base64') as never);
    const ws = wb.getWorksheet('操作日志')!;
    expect(ws.getRow(3).getCell(5).value).toBe('操作');
    const actions = new Set<unknown>();
    for (let i = 4; i <= ws.rowCount; i++) actions.add(ws.getRow(i).getCell(5).value);
    // Three users signed in above; the filter keeps sign-ins only.
    expect([...actions]).toEqual(['登录']);
    expect(ws.rowCount - 3).toBeGreaterThanOrEqual(3);
    const all = Buffer.from(JSON.stringify(ws.getSheetValues()));
    expect(all.includes(Buffer.from('张某某'))).toBe(false);
  });

  it('counts clues for every role that may see statistics, without names', async () => {
    const r = await api('stats:compute', { from: '2026-04-01', to: '2026-04-30' }, sessions.readonly);
    const values = (r.data as { indicators: { name: string; period: unknown }[] }).indicators;
    expect(values.find((v) => v.name === '受理线索数')?.period).toBe(1);
    expect(JSON.stringify(values)).not.toContain('张某某');
  });
});
