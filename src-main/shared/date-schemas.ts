// Date and month fields in zod schemas (settings, the contract, ledger records), with the office's Chinese messages.
import * as z from 'zod';
import { impossibleDateReason, isValidDate, isValidMonth } from './dates';

/** The check of a date field (for zod's superRefine): a day that cannot exist is told apart from a wrong format. */
export function checkDate(label: string) {
  return (v: string, ctx: z.RefinementCtx): void => {
    if (isValidDate(v)) return;
    const impossible = impossibleDateReason(v);
    ctx.addIssue({
      code: 'custom',
      message: impossible
        ? `${label}“${v}”这个日期不存在（${impossible}）`
        : `${label}不是有效日期（格式：2026-04-15）`,
    });
  };
}

export const dateString = (label = '日期') =>
  z.string({ error: `${label}必须填写` }).superRefine(checkDate(label));

export const monthString = (label = '月份') =>
  z
    .string({ error: `${label}必须填写` })
    .refine(isValidMonth, { message: `${label}不是有效月份（格式：2026-04）` });
