// Report channels: the parts of the progress report the office writes per period (亮点, 存在的问题, 下一步打算),
// and the monthly package: report, statistics workbook and the superior's template, written into one folder.
import * as z from 'zod';
import { dateString, monthString } from '../date-schemas';
import { channel } from './channel';

/** What the office writes for a period; each is free text, one paragraph a line. */
export interface ReportNotes {
  /** 工作亮点: examples the facts do not carry; may be empty. */
  highlights: string;
  /** 存在的问题. */
  problems: string;
  /** 下一步工作打算: lines like "（一）持续深化学习教育。正文…". */
  nextSteps: string;
}

/**
 * Notes for a period and where they come from: saved for this very period; carried over from the latest earlier
 * period (pre-fill, not yet looked at for this one); or the app's starting draft when nothing was ever written.
 */
export interface ReportNotesInfo {
  from: string;
  to: string;
  notes: ReportNotes;
  source: 'saved' | 'previous' | 'default';
  /** For 'previous': the period the text was written for. */
  sourcePeriod?: { from: string; to: string };
  updatedAt?: string;
  updatedBy?: string;
}

export interface PackageFile {
  fileName: string;
  /** Full path of the file written. */
  path: string;
  size: number;
  kind: 'report' | 'stats' | 'superior';
  /** The bytes, when asked for (web mode offers each file as a download too). */
  dataBase64?: string;
}

export interface MonthlyPackage {
  /** The folder the files were written to, named by the period. */
  folder: string;
  from: string;
  to: string;
  files: PackageFile[];
  /** Things the office should check before sending, in Chinese (notes carried over, an unfinished period). */
  warnings: string[];
  /** Fonts the report asks for, so the UI can say which to install. */
  fonts: string[];
}

const text = (label: string) => z.string().max(20_000, `${label}不能超过20000字`);

export const ReportNotesSchema = z
  .object({
    highlights: text('工作亮点').default(''),
    problems: text('存在的问题').default(''),
    nextSteps: text('下一步工作打算').default(''),
  })
  .strict();

const range = {
  from: dateString('起始日期'),
  to: dateString('截止日期'),
};
const toAfterFrom = { message: '截止日期不能早于起始日期', path: ['to'] };

export const reportContract = {
  'report:notes:get': channel<ReportNotesInfo>()(
    z
      .object(range)
      .strict()
      .refine((q) => q.to >= q.from, toAfterFrom),
    'read',
  ),
  'report:notes:save': channel<ReportNotesInfo>()(
    z
      .object({ ...range, notes: ReportNotesSchema })
      .strict()
      .refine((q) => q.to >= q.from, toAfterFrom),
    'write',
  ),
  'report:monthly': channel<MonthlyPackage>()(
    z
      .object({
        /** The month, YYYY-MM; or a range with from/to (e.g. 上周). */
        month: monthString('月份').optional(),
        from: dateString('起始日期').optional(),
        to: dateString('截止日期').optional(),
        /** Output folder: honoured from the command line only; other doors write under the configured folder. */
        outDir: z.string().min(1).max(1000).optional(),
        /** Produce even though the period ends after today (its numbers are incomplete). */
        allowIncomplete: z.boolean().optional(),
        /** Return each file's bytes too (web mode downloads). */
        withData: z.boolean().optional(),
      })
      .strict()
      .refine((q) => !!q.month !== !!(q.from && q.to), {
        message: '请指定月份，或同时指定起始日期和截止日期',
        path: ['month'],
      })
      .refine((q) => !q.from || !q.to || q.to >= q.from, toAfterFrom),
    'read',
  ),
};
