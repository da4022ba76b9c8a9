// Reference shifting when a template row is repeated: rows below move, a range over the repeated row grows,
// references inside a copy follow their own row, other sheets and string literals are left alone.
import { describe, expect, it } from 'vitest';
import { colLetter, colNumber, shiftFormula, shiftRef } from '../../../src-main/excel/refs';

const s = { sheet: '进展情况表', at: 5, by: 2 };

describe('shifting references for a repeated row 5 (three copies)', () => {
  it.each([
    ['SUM(C5:C5)', 'SUM(C5:C7)'],
    ['SUM(C4:C5)', 'SUM(C4:C7)'],
    ['SUM($C$5:$C$5)', 'SUM($C$5:$C$7)'],
    ['C6/C5', 'C8/C5'],
    ['SUM(C6:D9)', 'SUM(C8:D11)'],
    ['A1+B4', 'A1+B4'],
    ['IF(C6=0,"C6",E6/C6)', 'IF(C8=0,"C6",E8/C8)'],
    ['进展情况表!C6', '进展情况表!C8'],
    ["'进展情况表'!$C$6", "'进展情况表'!$C$8"],
    ['填报说明!C6', '填报说明!C6'],
    ['SUM(6:6)', 'SUM(8:8)'],
    ['SUM(C:C)', 'SUM(C:C)'],
    ['LOG10(C6)', 'LOG10(C8)'],
    ['ROW()-4', 'ROW()-4'],
  ])('%s → %s', (f, out) => expect(shiftFormula(f, '进展情况表', s)).toBe(out));

  it('leaves formulas of another sheet alone unless they name this one', () => {
    expect(shiftFormula('C6+进展情况表!C6', '填报说明', s)).toBe('C6+进展情况表!C8');
  });

  it('makes references to the template row follow each copy', () => {
    expect(shiftFormula('C5+E5', '进展情况表', { ...s, copy: 2 })).toBe('C7+E7');
    expect(shiftFormula('C5/$C$8', '进展情况表', { ...s, copy: 1 })).toBe('C6/$C$10');
    expect(shiftFormula('SUM(C5:F5)', '进展情况表', { ...s, copy: 1 })).toBe('SUM(C6:F6)');
  });

  it('shifts bare ranges (merges, validations)', () => {
    expect(shiftRef('A7:C7', s)).toBe('A9:C9');
    expect(shiftRef('A3:A4', s)).toBe('A3:A4');
  });

  it('converts column letters', () => {
    expect([1, 26, 27, 52, 703].map(colLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(['A', 'Z', 'AA', 'AAA'].map(colNumber)).toEqual([1, 26, 27, 703]);
  });
});
