// Core channels: app info, settings, the generic ledger channels, the recycle bin, store maintenance, demo data.
import * as z from 'zod';
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

/** The toolbar's filters of a ledger table (besides the quick search): each one set narrows the rows. */
export const ledgerFilter = z
  .object({
    /** Owning working group key. */
    group: z.string().max(100).optional(),
    /** Unit id (the record's own unit). */
    unit: z.string().max(100).optional(),
    /** The record's date, inclusive range (YYYY-MM-DD). */
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '起始日期格式应为 2026-04-15')
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '截止日期格式应为 2026-04-15')
      .optional(),
    /** A value of the ledger's status field (LedgerDef.statusField). */
    status: z.string().max(200).optional(),
  })
  .strict();
export type LedgerFilter = z.infer<typeof ledgerFilter>;

/** The most records one page of 'ledgers:query' carries. */
export const LEDGER_PAGE_MAX = 500;

const ledgerQueryArgs = z
  .object({
    ledger: ledgerKey,
    /** The recycle bin's records instead of the live ones. */
    deleted: z.boolean().optional(),
    /** Quick search: every word must be found in the record's text, choices, links, unit name or remarks, or be one of its dates written as people write them (2026年4月15日, 4月15日, 2026.4). */
    q: z.string().max(200, '搜索内容太长').optional(),
    filter: ledgerFilter.optional(),
    /** A column key (ledgerColumns); without it, newest first (by the record's date). */
    sort: z
      .object({ key: z.string().min(1).max(64), order: z.enum(['ascend', 'descend']) })
      .strict()
      .optional(),
    offset: z.number().int().min(0).max(100_000_000).default(0),
    /** 0 answers the counts alone. */
    limit: z.number().int().min(0).max(LEDGER_PAGE_MAX).default(50),
    /** Also answer the id of every match, in order (to export the filtered rows). */
    withIds: z.boolean().optional(),
  })
  .strict();
export type LedgerQueryArgs = z.input<typeof ledgerQueryArgs>;

/** One page of a ledger table, searched, filtered and sorted in main. */
export interface LedgerQueryResult {
  /** At most `limit` matching records from `offset`, in the asked order. */
  records: LedgerRecord[];
  /** How many records match the search and the filters. */
  total: number;
  /** How many records the ledger holds (live ones, or recycled with `deleted`), before any search or filter. */
  count: number;
  /** Where this page starts: `offset`, or the last page's start when the matches end before `offset`. */
  offset: number;
  /** Every value of the status field found in the ledger (old or renamed ones too), for the status filter. */
  statuses: string[];
  /** With `withIds`: every match's id, in order. */
  ids?: string[];
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
  /** Chinese, set when the backup is known not to restore (its header is unreadable, or a full check failed). */
  problem?: string;
}

/** 设置 → 数据与备份: where the data lives and the automatic backups, newest first. */
export interface BackupsInfo {
  dataDir: string;
  backupDir: string;
  /** How many automatic backups are kept. */
  keep: number;
  backups: BackupInfo[];
}

export interface BackupResult extends BackupInfo {
  /** Written to a chosen folder or file (not the automatic backups), then read back whole. */
  external: boolean;
}

/** Web mode's 下载备份: the bundle's bytes for the browser to save wherever the user chooses. */
export interface DownloadedBackup {
  fileName: string;
  dataBase64: string;
  backup: BackupInfo;
}

/** What a restore changes in one kind of data (a ledger, the settings, the accounts…). */
export interface DataChange {
  /** The store collection, e.g. 'ledger-meetings'. */
  key: string;
  /** Chinese: 会议, 设置, 账户… */
  label: string;
  /** Records now and after the restore (not recycled); null for data that is not a list (settings). */
  current: number | null;
  incoming: number | null;
  /** By record: only in the backup (come back), only now (go away), in both but different (go back). */
  added: number;
  removed: number;
  changed: number;
  /** Chinese, one sentence, e.g. 会议：现有 3 条，恢复后 2 条（恢复 1 条，去掉 2 条，1 条回到备份时的内容）。 */
  text: string;
}

/** The full check of a backup before restoring it, and what the restore would change. */
export interface RestorePreview {
  /** Pass to 'store:restore' (for an upload: where it waits in the data directory). */
  file: string;
  fileName: string;
  createdAt: string;
  reason: string;
  size: number;
  schemaVersion: number;
  /** Only the kinds of data that differ. */
  changes: DataChange[];
  /** Chinese: what to know before confirming (everyone signed out, data the backup lacks…). */
  warnings: string[];
}

export interface RestoreResult {
  restoredFrom: string;
  createdAt: string;
  /** Where the data from before the restore was saved. */
  safetyBackup: string;
  changes: DataChange[];
  /** Chinese: what was done and what changed. */
  message: string;
  /** Accounts exist: every session was ended, everyone signs in again. */
  signedOut: boolean;
}

export type VerifySectionKey = 'repairs' | 'store' | 'vault' | 'accounts' | 'audit' | 'backups';

/** One part of 检查数据: what was checked, what is wrong, and what could not be checked (notes, not problems). */
export interface VerifySection {
  key: VerifySectionKey;
  /** Chinese: 启动时的自动修复, 数据文件, 问题线索加密数据, 账户数据, 操作日志, 备份. */
  title: string;
  /** Chinese: what was looked at, e.g. 已检查 30 个数据文件, 已检查 356 条记录, 已逐份完整读取 12 份备份. */
  checked: string;
  problems: string[];
  notes: string[];
}

export interface BackupCheckInfo extends BackupInfo {
  ok: boolean;
}

export interface VerifyReport {
  ok: boolean;
  /** Every section's problems, in order (the 操作日志's prefixed 操作日志：). */
  problems: string[];
  sections: VerifySection[];
  /** Every automatic backup, read whole. */
  backups: BackupCheckInfo[];
  checkedAt: string;
}

const filePath = (what: string) =>
  z
    .string({ error: `${what}必须是文件路径` })
    .min(1, `${what}不能为空`)
    .max(4096, `${what}太长`)
    .refine((p) => !p.includes('\0'), `${what}无效`);

export const coreContract = {
  'app:info': channel<AppInfo>()(z.object({}).strict(), 'open'),

  'settings:get': channel<Settings>()(z.object({}).strict(), 'read'),
  'settings:update': channel<Settings>()(
    z.object({ settings: z.record(z.string(), z.unknown()) }).strict(),
    'admin',
  ),

  /** Every record of a ledger, for small callers (link pickers, 简报, the CLI's list); tables use 'ledgers:query'. */
  'ledgers:list': channel<{ records: LedgerRecord[] }>()(
    z.object({ ledger: ledgerKey, deleted: z.boolean().optional() }).strict(),
    'read',
  ),
  /** The ledger table: search, filters, sort and one page, computed in main (a big ledger never crosses whole). */
  'ledgers:query': channel<LedgerQueryResult>()(ledgerQueryArgs, 'read'),
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

  /** 立即备份: into the automatic backups, or a chosen `folder` (a new dated file) or exact `file` (the CLI). */
  'store:backup': channel<BackupResult>()(
    z
      .object({ folder: filePath('文件夹').optional(), file: filePath('备份文件').optional() })
      .strict()
      .refine((a) => !(a.folder && a.file), '只能指定文件夹或文件中的一个'),
    'admin',
  ),
  'store:backups': channel<BackupsInfo>()(z.object({}).strict(), 'admin'),
  /** Web mode: a new backup (or `file`, one of the automatic backups) as bytes, for the browser to save. */
  'store:download': channel<DownloadedBackup>()(
    z.object({ file: filePath('备份文件').optional() }).strict(),
    'admin',
  ),
  /** The full check a restore makes, without restoring: what the backup holds and what would change. */
  'store:inspect': channel<RestorePreview>()(z.object({ file: filePath('备份文件') }).strict(), 'admin'),
  /** Web mode's 从文件恢复: the chosen file's bytes, kept in the data directory and checked like 'store:inspect'. */
  'store:upload': channel<RestorePreview>()(
    z
      .object({
        fileName: z.string().min(1).max(255),
        dataBase64: z
          .string()
          .min(1, '文件是空的')
          .max(80 * 1024 * 1024, '文件太大'),
      })
      .strict(),
    'admin',
  ),
  'store:restore': channel<RestoreResult>()(z.object({ file: filePath('备份文件') }).strict(), 'admin'),
  'store:verify': channel<VerifyReport>()(z.object({}).strict(), 'admin'),
  /**
   * The desktop shows the system's folder or file dialog for this (src-main/electron/backup-dialog.ts); other doors
   * have none and answer `supported: false` (the page downloads or uploads instead). `path` null: cancelled.
   */
  'store:choosePath': channel<{ path: string | null; supported: boolean }>()(
    z.object({ purpose: z.enum(['backupFolder', 'restoreFile']) }).strict(),
    'admin',
  ),

  'demo:load': channel<{ records: number }>()(
    z.object({ replace: z.boolean().default(false) }).strict(),
    'admin',
  ),
};
