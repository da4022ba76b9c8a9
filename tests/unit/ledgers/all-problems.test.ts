// Every problem of a record at once, cross-field rules included: a clerk fixes a record in one round, in the
// drawer and in an import preview (both read these issues). Before, a rule ran only once every field passed.
import { describe, expect, it } from 'vitest';
import { LEDGERS } from '../../../src-main/shared/ledgers';
import { buildRecordSchema } from '../../../src-main/shared/ledgers/schema';
import type { LedgerKey } from '../../../src-main/shared/ledgers/types';
import { ctx, VALID } from './fixtures';

function issues(key: LedgerKey, patch: Record<string, unknown>) {
  const r = buildRecordSchema(LEDGERS[key], ctx()).safeParse({ ...VALID[key], ...patch });
  return (r.error?.issues ?? []).map((i) => `${String(i.path[0])}：${i.message}`);
}

describe('all problems of a record at once', () => {
  it('reports a broken cross-field rule together with missing and invalid fields', () => {
    expect(issues('meetings', { title: '', unit: 'u-gone', expected: 9, present: 12 }).sort()).toEqual(
      ['present：实到人数不能多于应到人数', 'title：会议名称必须填写', 'unit：单位不在单位列表中'].sort(),
    );
    expect(issues('tasks', { content: ' ', status: '已完成', doneDate: undefined })).toEqual(
      expect.arrayContaining([
        'content：任务内容必须填写',
        'doneDate：状态为已完成或已销号时，完成日期必须填写',
      ]),
    );
  });

  it('flags a negative or out-of-range number, and does not repeat it through a rule', () => {
    const found = issues('meetings', { expected: 9, present: -3 });
    expect(found).toEqual(['present：实到人数不能小于0']);
    expect(issues('meetings', { expected: 2.5 })).toEqual(['expected：应到人数必须是整数']);
    expect(issues('meetings', { expected: '十二' })).toEqual(['expected：应到人数必须是数字']);
  });

  it('lets rules ignore a field that failed its own check (an invalid date is not "before" anything)', () => {
    const found = issues('tasks', { date: '2026-13-01', deadline: '2026-04-30' });
    expect(found.filter((m) => m.startsWith('date'))).toHaveLength(1);
    expect(found.some((m) => m.includes('不能早于开始日期'))).toBe(false);
  });

  it('still passes a valid record, and still runs the rules on one with no other problem', () => {
    expect(issues('meetings', {})).toEqual([]);
    expect(issues('meetings', { expected: 3, present: 4 })).toEqual(['present：实到人数不能多于应到人数']);
  });
});
