// Data packages between the office and units that run the app themselves. The office issues each such unit a
// 单位配置包 (its identity and a signing key); the unit, set up from it as a 填报单位, writes a 报送包 per period (its
// records, a manifest, an HMAC-SHA256 signature); the office checks and merges it by record id and revision.
import * as z from 'zod';
import { dateString } from '../date-schemas';
import type { LedgerKey } from '../ledgers/types';
import { channel } from './channel';

const base64 = z
  .string()
  .min(1, '文件内容为空')
  .max(80 * 1024 * 1024, '文件太大');

/** This installation's place: the district office, or a 填报单位 set up from a 单位配置包. */
export interface UnitIdentity {
  role: 'office' | 'unit';
  /** For a 填报单位: which unit it is, for which office, and since when. */
  unit?: { id: string; name: string };
  office?: string;
  keyId?: string;
  setupAt?: string;
  /** For the office: the units it has issued configuration packages to. */
  issued?: { unit: string; unitName: string; keyId: string; issuedAt: string }[];
}

export interface PackageFile {
  fileName: string;
  dataBase64: string;
}

/** One record whose office copy and unit copy both changed since they were last merged. */
export interface MergeConflict {
  ledger: LedgerKey;
  id: string;
  title: string;
  date: string;
  officeRev: number;
  unitRev: number;
}

/** What merging a 报送包 does (or did): by ledger and in all. */
export interface MergeReport {
  unit: { id: string; name: string };
  from: string;
  to: string;
  createdAt: string;
  appVersion: string;
  added: number;
  changed: number;
  /** Records the unit deleted since, moved to the recycle bin here too. */
  removed: number;
  unchanged: number;
  byLedger: { ledger: LedgerKey; added: number; changed: number; removed: number; unchanged: number }[];
  conflicts: MergeConflict[];
  /** True when nothing was written (a dry run, or a package refused for its conflicts). */
  dryRun: boolean;
}

export const exchangeContract = {
  'exchange:identity': channel<UnitIdentity>()(z.object({}).strict(), 'read'),
  /** Office: the 单位配置包 of a unit (a new key each time; the unit's earlier key stops being accepted). */
  'exchange:issueConfig': channel<PackageFile>()(
    z.object({ unit: z.string().min(1).max(100) }).strict(),
    'admin',
  ),
  /** 填报单位: becomes the unit a 单位配置包 names. */
  'exchange:setupUnit': channel<UnitIdentity>()(z.object({ dataBase64: base64 }).strict(), 'admin'),
  /** 填报单位: the 报送包 of its records dated in the period. */
  'exchange:submit': channel<PackageFile>()(
    z
      .object({ from: dateString('起始日期'), to: dateString('截止日期') })
      .strict()
      .refine((q) => q.to >= q.from, { message: '截止日期不能早于起始日期', path: ['to'] }),
    'write',
  ),
  /** Office: checks a 报送包 and merges it (or only says what it would do). */
  'exchange:receive': channel<MergeReport>()(
    z
      .object({
        dataBase64: base64,
        dryRun: z.boolean().optional(),
        /** How records changed on both sides are settled; without it, a package with conflicts is not merged. */
        conflicts: z.enum(['office', 'unit']).optional(),
      })
      .strict(),
    'write',
  ),
  /** Office: several packages (a month's, from many units) checked and merged together in one write. */
  'exchange:receiveMany': channel<{ reports: MergeReport[] }>()(
    z
      .object({
        files: z.array(base64).min(1, '至少选择一个报送包').max(500, '一次最多接收500个报送包'),
        dryRun: z.boolean().optional(),
        conflicts: z.enum(['office', 'unit']).optional(),
      })
      .strict(),
    'write',
  ),
} as const;
