// Word channels: the progress report (built-in or the office's own template filled), the report as a template,
// the bulletin, the store of Word templates and a preview of what a template's placeholders will be filled with.
import * as z from 'zod';
import { dateString } from '../date-schemas';
import { channel } from './channel';

/** A .docx going out to the caller; `fonts` names every font it asks for, so the UI can say which to install. */
export interface WordFile {
  fileName: string;
  dataBase64: string;
  fonts: string[];
  /** What to check before sending it, in Chinese (text carried over from an earlier period …). */
  warnings?: string[];
}

export interface WordTemplateInfo {
  id: string;
  kind: 'word-report';
  name: string;
  fileName: string;
  isDefault: boolean;
  createdAt: string;
  createdBy: string;
  /** The placeholders as written, e.g. "{{集中学习次数|累计}}". */
  placeholders: string[];
}

/** As kept in the 'templates' collection (shared with Excel templates, told apart by `kind`). */
export interface StoredWordTemplate extends WordTemplateInfo {
  dataBase64: string;
}

/** One thing wrong in a Word template, with where to look for it. */
export interface WordTemplateProblem {
  kind: string;
  /** Chinese, says what is wrong. */
  message: string;
  /** 正文 · 页眉 · 页脚 · 脚注 · 尾注. */
  place: string;
  /** The text around the problem, to find it with Word's search. */
  context: string;
  suggestions?: string[];
}

export interface WordPreviewItem {
  placeholder: string;
  value: string;
  /** For a {{单位.…}} placeholder: the unit whose row this value fills. */
  unit?: string;
}

/** templateId 'builtin' asks for the built-in report even when the office has set a default template. */
export const BUILTIN_TEMPLATE_ID = 'builtin';
/** Uploads beyond this are refused before decoding (a report template is tens of KB; pictures make it MBs). */
export const MAX_TEMPLATE_BASE64 = 28_000_000;

const period = z
  .object({
    from: dateString('起始日期'),
    to: dateString('截止日期'),
    templateId: z.string().min(1, '模板编号不能为空').optional(),
    /** A one-off template file (the CLI's --template FILE), used without being stored. */
    templateBase64: z.string().max(MAX_TEMPLATE_BASE64, '模板文件过大').optional(),
    /** Produce it even though the period ends after today (its numbers are not complete yet). */
    allowIncomplete: z.boolean().optional(),
  })
  .strict()
  .refine((q) => q.to >= q.from, { message: '截止日期不能早于起始日期', path: ['to'] });
const templateId = z.object({ id: z.string().min(1, '模板编号不能为空') }).strict();

export const wordContract = {
  'word:report': channel<WordFile>()(period, 'read'),
  'word:reportTemplate': channel<WordFile>()(z.object({}).strict(), 'read'),
  'word:bulletin': channel<WordFile>()(
    z
      .object({
        id: z.string().min(1, '简报编号不能为空'),
        blankMasthead: z.boolean().optional(),
        withKeyNumbers: z.boolean().optional(),
      })
      .strict(),
    'read',
  ),
  'word:templates:list': channel<{ templates: WordTemplateInfo[] }>()(z.object({}).strict(), 'read'),
  'word:templates:add': channel<{ template: WordTemplateInfo }>()(
    z
      .object({
        name: z.string().trim().min(1, '模板名称必须填写').max(60, '模板名称不能超过60字'),
        fileName: z.string().trim().min(1).max(255).optional(),
        dataBase64: z
          .string()
          .min(1, '文件内容为空')
          .max(MAX_TEMPLATE_BASE64, '模板文件过大（不能超过20MB）'),
        isDefault: z.boolean().optional(),
      })
      .strict(),
    'write',
  ),
  'word:templates:setDefault': channel<{ templates: WordTemplateInfo[] }>()(templateId, 'write'),
  'word:templates:remove': channel<{ templates: WordTemplateInfo[] }>()(templateId, 'write'),
  'word:preview': channel<WordPreviewItem[]>()(period, 'read'),
};
