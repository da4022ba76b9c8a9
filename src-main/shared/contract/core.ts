// Core channels: app info, settings, the generic ledger channels, the recycle bin, store maintenance, demo data.
import { z } from 'zod';
import { LEDGER_KEYS } from '../ledgers/types';
import type { LedgerRecord } from '../ledgers/types';
import type { Settings } from '../settings';
import { channel } from './channel';
import type { SessionUser } from '../context';

export const ledgerKey = z.enum(LEDGER_KEYS, { error: '未知的台账' });
const id = z.string().min(1, '记录编号不能为空');
const recordInput = z.record(z.string(), z.unknown(), { error: '记录必须是一个对象' });

export interface StoreNoticeInfo {
  kind: string;
  message: string;
  at: string;
}

export interface AppInfo {
  name: string;
  version: string;
  dataDir: string;
  door: string;
  notices: StoreNoticeInfo[];
  user: SessionUser | null;
  /** True once accounts exist: the UI shows the sign-in screen. */
  accountsEnabled: boolean;
  setupDone: boolean;
  today: string;
}

export interface RecycledItem {
  ledger: (typeof LEDGER_KEYS)[number];
  record: LedgerRecord;
}

export interface BackupInfo {
  file: string;
  createdAt: string;
  reason: string;
  size: number;
}

export const coreContract = {
  'app:info': channel<AppInfo>()(z.object({}).strict(), 'open'),

  'settings:get': channel<Settings>()(z.object({}).strict(), 'read'),
  'settings:update': channel<Settings>()(
    z.object({ settings: z.record(z.string(), z.unknown()) }).strict(),
    'admin',
  ),

  'ledgers:list': channel<{ records: LedgerRecord[] }>()(
    z.object({ ledger: ledgerKey, deleted: z.boolean().optional() }).strict(),
    'read',
  ),
  'ledgers:get': channel<LedgerRecord>()(z.object({ ledger: ledgerKey, id }).strict(), 'read'),
  'ledgers:create': channel<LedgerRecord>()(
    z.object({ ledger: ledgerKey, record: recordInput }).strict(),
    'write',
  ),
  'ledgers:update': channel<LedgerRecord>()(
    z
      .object({ ledger: ledgerKey, id, rev: z.number().int().min(0).optional(), record: recordInput })
      .strict(),
    'write',
  ),
  'ledgers:remove': channel<LedgerRecord>()(z.object({ ledger: ledgerKey, id }).strict(), 'write'),
  'ledgers:restore': channel<LedgerRecord>()(z.object({ ledger: ledgerKey, id }).strict(), 'write'),
  'ledgers:purge': channel<{ id: string }>()(z.object({ ledger: ledgerKey, id }).strict(), 'admin'),
  'recycle:list': channel<{ items: RecycledItem[] }>()(z.object({}).strict(), 'read'),

  'store:backup': channel<BackupInfo>()(z.object({}).strict(), 'admin'),
  'store:backups': channel<{ backups: BackupInfo[] }>()(z.object({}).strict(), 'admin'),
  'store:restore': channel<{ restoredFrom: string }>()(
    z.object({ file: z.string().min(1) }).strict(),
    'admin',
  ),
  'store:verify': channel<{ ok: boolean; problems: string[] }>()(z.object({}).strict(), 'admin'),

  'demo:load': channel<{ records: number }>()(
    z.object({ replace: z.boolean().default(false) }).strict(),
    'admin',
  ),
};
