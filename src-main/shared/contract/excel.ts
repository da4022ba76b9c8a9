// Excel channels: the 统计表 workbook (built-in or the superior's template filled), ledger export, import
// template, import preview and commit, and the store of superiors' templates. Files cross as base64.
import * as z from 'zod';
import { dateString } from '../date-schemas';
import { channel } from './channel';
import { ledgerKey } from './core';
import { returnFor } from './returns';

/** A file going out to (or coming in from) the caller; the renderer saves it with a dialog. */
export interface ExcelFile {
  fileName: string;
  dataBase64: string;
}

export interface ImportCellError {
  /** Excel row number (1-based, as the user sees it in Excel or WPS). */
  row: number;
  /** Column letter (A, B, …); '' when the problem is not tied to a column in the file. */
  column: string;
  /** The header text as written in the file, or the field label. */
  header: string;
  /** Chinese, says what is wrong and what to write instead. */
  message: string;
}

export type ImportAction = 'create' | 'update' | 'skip';

export interface ImportRowPreview {
  rowNumber: number;
  /** The editable part of the record (common fields + the ledger's fields) as it would be stored. */
  record?: Record<string, unknown>;
  action: ImportAction;
  /** For 'update' (and a skipped duplicate of an existing record): the id of the record it matches. */
  existingId?: string;
  /** Set when the row was recognized as a duplicate (of a stored record or of an earlier row in the file). */
  duplicate?: { of: 'existing' | 'file'; row?: number; id?: string; message: string };
  errors: ImportCellError[];
}

export interface ImportSummary {
  sheetName: string;
  headerRow: number;
  total: number;
  create: number;
  update: number;
  skip: number;
  duplicates: number;
  errorRows: number;
  errorCount: number;
  /** True when nothing blocks the commit: no row errors and no missing required columns. */
  canCommit: boolean;
  /**
   * A corrected return replaces the unit's earlier one: its stored records of the period that the file no longer
   * has are removed (to the recycle bin) at the commit. Absent for any other import.
   */
  remove?: number;
}

export interface ImportPreview {
  rows: ImportRowPreview[];
  summary: ImportSummary;
  /** Columns in the file that are not fields of this ledger: ignored, with a warning. */
  unknownColumns: { column: string; header: string }[];
  /** Labels of required columns the file lacks; the import is refused until they are added. */
  missingRequired: string[];
  /** Chinese warnings about the file as a whole (ignored columns, hidden sheets skipped…). */
  warnings: string[];
  /** The records a corrected return removes (the first 200), as the diff before the commit shows them. */
  removed?: { id: string; date: string; title: string }[];
  /** Set when only part of the rows is sent over the wire (large files): counts still cover every row. */
  rowsTruncated?: boolean;
}

export interface ExcelTemplateInfo {
  id: string;
  kind: 'excel-stats';
  name: string;
  fileName: string;
  isDefault: boolean;
  createdAt: string;
  createdBy: string;
  placeholders: string[];
  warnings: string[];
}

/** As stored in the 'templates' collection: the info plus the file itself. */
export interface StoredExcelTemplate extends ExcelTemplateInfo {
  dataBase64: string;
}

/** templateId meaning "the built-in 统计表, not a superior's template" (also resets the default). */
export const EXCEL_BUILTIN_TEMPLATE_ID = 'builtin';

/** A problem found in a template (broken delimiter, unknown name); sent in the details of a refused upload. */
export interface TemplateProblem {
  kind: string;
  message: string;
  /** Sheet name and cell address, e.g. 表1!C5. */
  where: string;
  context: string;
  suggestions?: string[];
}

const base64 = z.string().min(1, '文件内容为空');
const fileName = z.string().trim().min(1, '文件名不能为空').max(255);
const onDuplicate = z.enum(['skip', 'update'], { error: '重复记录只能选择“跳过”或“更新”' });
const templateId = z.string().min(1, '模板编号不能为空');

const importArgs = z
  .object({
    ledger: ledgerKey,
    fileName,
    dataBase64: base64,
    onDuplicate,
    /** The file is this unit's return for this 报送任务: every row must be the unit's, and the return is recorded. */
    returnFor: returnFor.optional(),
  })
  .strict();

export const excelContract = {
  /** templateId: a stored superior's template; omitted: the default one if set, else the built-in workbook. */
  'excel:stats': channel<ExcelFile>()(
    z
      .object({
        from: dateString('起始日期'),
        to: dateString('截止日期'),
        templateId: z.string().min(1).optional(),
        /** A one-off superior's template (the CLI's --template FILE), filled without being stored. */
        templateBase64: base64.optional(),
      })
      .strict()
      .refine((q) => q.to >= q.from, { message: '截止日期不能早于起始日期', path: ['to'] }),
    'read',
  ),
  'excel:export': channel<ExcelFile>()(
    z
      .object({
        ledger: ledgerKey,
        ids: z.array(z.string().min(1)).max(1_000_000).optional(),
        includeConfidential: z.boolean().optional(),
      })
      .strict(),
    'read',
  ),
  /** With returnFor: that unit's return sheet for the task (its name and the period above the header). */
  'excel:importTemplate': channel<ExcelFile>()(
    z.object({ ledger: ledgerKey, returnFor: returnFor.optional() }).strict(),
    'read',
  ),
  'excel:importPreview': channel<ImportPreview>()(importArgs, 'write'),
  /** `removed`: a corrected return's records of the period it no longer has, moved to the recycle bin. */
  'excel:importCommit': channel<{ created: number; updated: number; skipped: number; removed?: number }>()(
    importArgs,
    'write',
  ),
  'excel:templates:list': channel<{ templates: ExcelTemplateInfo[] }>()(z.object({}).strict(), 'read'),
  'excel:templates:add': channel<{ template: ExcelTemplateInfo }>()(
    z
      .object({
        name: z.string().trim().min(1, '模板名称必须填写').max(60, '模板名称不能超过60字'),
        fileName,
        dataBase64: base64,
        isDefault: z.boolean().optional(),
      })
      .strict(),
    'write',
  ),
  'excel:templates:setDefault': channel<{ templates: ExcelTemplateInfo[] }>()(
    z.object({ id: templateId }).strict(),
    'write',
  ),
  'excel:templates:remove': channel<{ templates: ExcelTemplateInfo[] }>()(
    z.object({ id: templateId }).strict(),
    'write',
  ),
};
