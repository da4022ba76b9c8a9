// Characters an .xlsx cannot hold are cleaned at input (the record schema) — decided over refusing them, because
// they are invisible: a clerk told "含有无法保存的字符" could not find them to delete.
import { describe, expect, it } from 'vitest';
import { LEDGERS } from '../../../src-main/shared/ledgers';
import { buildRecordSchema } from '../../../src-main/shared/ledgers/schema';
import { cleanXmlText, hasXmlInvalidChars } from '../../../src-main/shared/xml-text';
import { ctx, VALID } from '../ledgers/fixtures';

describe('cleanXmlText', () => {
  it('turns Word line and page breaks into line feeds and drops what XML 1.0 cannot hold', () => {
    expect(cleanXmlText('第一行\u000b第二行\u000c第三行')).toBe('第一行\n第二行\n第三行');
    expect(cleanXmlText('会议\ufffe纪要\uffff')).toBe('会议纪要');
    expect(cleanXmlText('a\u0000b\u0001c\u0008d\u001fe')).toBe('abcde');
    expect(cleanXmlText('半个表情\ud83d结束')).toBe('半个表情结束');
    expect(cleanXmlText('尾巴\udc00')).toBe('尾巴');
  });

  it('keeps everything visible, tabs and line breaks, and whole emoji; the same string when clean', () => {
    const fine = '党纪学习\t第1条\r\n“引号”、（括号）😀 ﹏ U+FFFD:\ufffd';
    expect(cleanXmlText(fine)).toBe(fine);
    expect(hasXmlInvalidChars(fine)).toBe(false);
    expect(hasXmlInvalidChars('x\ufffe')).toBe(true);
  });
});

describe('record schema cleans text at input', () => {
  const schema = buildRecordSchema(LEDGERS.meetings, ctx());

  it('stores text fields, lists and 备注 without the characters a workbook cannot hold', () => {
    const r = schema.safeParse({
      ...VALID.meetings,
      title: '领导小组\ufffe第三次会议\u0001',
      decisions: '一、学习\u000b二、部署',
      agenda: ['传达\uffff精神', '\u0007研究部署'],
      remarks: '备\u0000注',
    });
    expect(r.success, JSON.stringify(r.error?.issues)).toBe(true);
    expect(r.data).toMatchObject({
      title: '领导小组第三次会议',
      decisions: '一、学习\n二、部署',
      agenda: ['传达精神', '研究部署'],
      remarks: '备注',
    });
  });

  it('counts a field holding only such characters as empty (a required one is then missing)', () => {
    const r = schema.safeParse({ ...VALID.meetings, title: '\ufffe\u0001' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path[0], i.message])).toContainEqual(['title', '会议名称必须填写']);
  });
});
