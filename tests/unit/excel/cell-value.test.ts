// Cell normalization in one place: every shape exceljs gives, dates as Chinese offices write them (read in
// UTC+8 without a one-day shift), numbers and booleans written as text.
process.env.TZ = 'Asia/Shanghai';

import { describe, expect, it } from 'vitest';
import {
  parseBoolText,
  parseDateText,
  parseMonthText,
  parseNumberText,
  scalarText,
  serialToYmd,
  toScalar,
  utcYmd,
  ymdToUtcDate,
} from '../../../src-main/excel/cell-value';

const year = { start: '2026-03-01', end: '2027-02-28' };

describe('exceljs cell values', () => {
  it('runs in UTC+8 for these tests', () => {
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-480);
  });

  it('reads a date cell (serial read as UTC) without a one-day shift in UTC+8', () => {
    // 2026-04-15 00:00 UTC is 08:00 in Beijing; local getters would still say the 15th, but 23:30 UTC would not.
    expect(toScalar(new Date(Date.UTC(2026, 3, 15)))).toEqual({ kind: 'date', date: '2026-04-15' });
    expect(utcYmd(new Date(Date.UTC(2026, 3, 15, 23, 30)))).toBe('2026-04-15');
    expect(ymdToUtcDate('2026-04-15').toISOString()).toBe('2026-04-15T00:00:00.000Z');
  });

  it('normalizes rich text, formulas, shared formulas, hyperlinks and errors', () => {
    expect(toScalar({ richText: [{ text: '第一次' }, { text: '会议', font: { bold: true } }] })).toEqual({
      kind: 'text',
      text: '第一次会议',
    });
    expect(toScalar({ formula: 'A1+1', result: 12 })).toEqual({ kind: 'number', value: 12 });
    expect(toScalar({ sharedFormula: 'A2', result: '是' })).toEqual({ kind: 'text', text: '是' });
    expect(toScalar({ formula: 'A1', result: new Date(Date.UTC(2026, 2, 1)) })).toEqual({
      kind: 'date',
      date: '2026-03-01',
    });
    expect(toScalar({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({
      kind: 'error',
      code: '#DIV/0!',
    });
    expect(toScalar({ formula: 'X', result: Number.NaN })).toEqual({ kind: 'error', code: '#VALUE!' });
    expect(toScalar({ text: '通知', hyperlink: 'http://a' })).toEqual({ kind: 'text', text: '通知' });
    expect(toScalar({ error: '#N/A' })).toEqual({ kind: 'error', code: '#N/A' });
    expect(toScalar('   ')).toEqual({ kind: 'empty' });
    expect(toScalar(null)).toEqual({ kind: 'empty' });
    expect(scalarText(toScalar(0.1 + 0.2))).toBe('0.3');
  });
});

describe('dates written as text', () => {
  it.each([
    ['2026-04-15', '2026-04-15'],
    ['2026-4-5', '2026-04-05'],
    ['2026/4/15', '2026-04-15'],
    ['2026.4.15', '2026-04-15'],
    ['2026年4月15日', '2026-04-15'],
    ['2026 年 4 月 15 日', '2026-04-15'],
    ['2026年04月15号', '2026-04-15'],
    ['20260415', '2026-04-15'],
    ['２０２６－０４－１５', '2026-04-15'],
    ['二〇二六年四月十五日', '2026-04-15'],
    ['二〇二六年十二月三十一日', '2026-12-31'],
    ['2026-04-15 10:30', '2026-04-15'],
    ['2026/4/15 9:05:00', '2026-04-15'],
    ['4月15日', '2026-04-15'],
    ['1月8日', '2027-01-08'], // the campaign runs into the next year
    ['46127', '2026-04-15'], // a serial stored as text
  ])('%s → %s', (text, ymd) => expect(parseDateText(text, year)).toBe(ymd));

  it.each(['2026-02-30', '2026-13-01', '4月15日(无年份上下文)', '下周一', '2026', '12345678'])(
    'refuses %s',
    (text) => {
      expect(parseDateText(text)).toBeNull();
    },
  );

  it('needs a year context for 4月15日', () => expect(parseDateText('4月15日')).toBeNull());

  it('reads serials, including the 1904 date system', () => {
    expect(serialToYmd(46127)).toBe('2026-04-15');
    expect(serialToYmd(46127.99999)).toBe('2026-04-15');
    expect(serialToYmd(44665, true)).toBe('2026-04-15');
    expect(serialToYmd(0)).toBeNull();
  });

  it('reads months', () => {
    expect(
      ['2026-04', '2026/4', '2026.4', '2026年4月', '202604', '2026-04-15'].map((t) => parseMonthText(t)),
    ).toEqual(Array(6).fill('2026-04'));
    expect(parseMonthText('2026-13')).toBeNull();
  });
});

describe('numbers and booleans written as text', () => {
  it.each([
    ['12', 12],
    ['12 人', 12],
    ['12人次', 12],
    ['1,200', 1200],
    ['1，200', 1200],
    ['１２', 12],
    ['12.5', 12.5],
    ['-3', -3],
  ])('%s → %d', (text, n) => expect(parseNumberText(text)).toEqual({ ok: true, value: n }));

  it('refuses words and magnitudes it would have to guess', () => {
    expect(parseNumberText('约12')).toEqual({ ok: false, reason: '不是数字' });
    expect(parseNumberText('3万字')).toEqual({ ok: false, reason: '请直接填写数字，不要带“万字”' });
  });

  it('reads 是/否 and their usual stand-ins', () => {
    expect(['是', '√', '✓', 'Y', 'yes', 'TRUE', '1', '有'].map(parseBoolText)).toEqual(Array(8).fill(true));
    expect(['否', '×', 'N', 'no', 'false', '0', '无'].map(parseBoolText)).toEqual(Array(7).fill(false));
    expect(parseBoolText('也许')).toBeNull();
  });
});
