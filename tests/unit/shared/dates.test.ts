// The shared date parser the ledger form and the Excel import both use: the spellings clerks type, and what it
// must not take for a date.
import { describe, expect, it } from 'vitest';
import { parseDateInput, parseMonthInput } from '../../../src-main/shared/dates';

describe('parseDateInput', () => {
  it.each([
    ['2026-11-25', '2026-11-25'],
    ['2026.11.25', '2026-11-25'],
    ['2026/11/25', '2026-11-25'],
    ['20261125', '2026-11-25'],
    ['2026年11月25日', '2026-11-25'],
    ['2026年11月25号', '2026-11-25'],
    ['2026年11月25', '2026-11-25'],
    ['2026.1.5', '2026-01-05'],
    ['2026/1/5', '2026-01-05'],
    ['2026 年 1 月 5 日', '2026-01-05'],
    [' 2026-11-25 ', '2026-11-25'],
    ['２０２６．１１．２５', '2026-11-25'], // full-width digits and stop
    ['2026。11。25', '2026-11-25'], // typed with the Chinese IME still on
    ['２０２６年１１月２５日', '2026-11-25'],
    ['二〇二六年十一月二十五日', '2026-11-25'],
    ['2026-11-25 10:30', '2026-11-25'],
    ['2026/11/25 上午9时', '2026-11-25'],
  ])('reads %s as %s', (text, ymd) => expect(parseDateInput(text)).toBe(ymd));

  it.each(['2026.2.30', '2026-13-01', '20261325', '2026年2月29日', 'abc', '', '2026', '11.25', '25/11/2026'])(
    'refuses %j (not a real date, or not a date)',
    (text) => expect(parseDateInput(text)).toBeNull(),
  );

  it('takes the year of 11月25日 from the campaign it falls in', () => {
    expect(parseDateInput('11月25日')).toBeNull();
    expect(parseDateInput('11月25日', { start: '2026-04-01', end: '2027-03-31' })).toBe('2026-11-25');
    expect(parseDateInput('2月3日', { start: '2026-04-01', end: '2027-03-31' })).toBe('2027-02-03');
  });

  it('reads months too', () => {
    expect(
      ['2026-04', '2026/4', '2026.4', '2026年4月', '202604', '2026。4', '2026-04-15'].map((t) =>
        parseMonthInput(t),
      ),
    ).toEqual(Array(7).fill('2026-04'));
    expect(parseMonthInput('2026-13')).toBeNull();
  });
});
