// The parts of the progress report the office writes per period (工作亮点, 存在的问题, 下一步工作打算), kept in the
// 'report-notes' collection. A period without its own text is pre-filled from the latest earlier period, or from a
// starting draft the first time; the report says which, so carried-over text is never sent unnoticed.
import { randomUUID } from 'node:crypto';
import type { HandlersFor } from '../shared/contract';
import type { ReportNotes, ReportNotesInfo } from '../shared/contract/report';
import { actorName } from '../shared/context';
import type { CallContext } from '../shared/context';
import type { ServiceContext } from './service-context';

export const NOTES_COLLECTION = 'report-notes';

interface StoredNotes extends ReportNotes {
  id: string;
  from: string;
  to: string;
  updatedAt: string;
  updatedBy: string;
}

/** The starting draft: what a first report says before the office has written its own. */
export const DRAFT_NOTES: ReportNotes = {
  highlights: '',
  problems:
    '对照上级要求，教育整顿工作还存在一些差距和不足：一是学习教育的深度还需拓展，个别干部存在以学代做、学用脱节现象；二是检视问题还不够深入，有的查摆问题停留在表面，触及思想根源不够；三是制度建设的系统性还需增强，部分制度的针对性和可操作性有待提高。',
  nextSteps: [
    '（一）持续深化学习教育。坚持把学习教育贯穿始终，创新学习形式，推动学习成果转化为推动工作的实际成效。',
    '（二）从严抓好检视整改。坚持问题导向，建立问题清单、整改清单、责任清单，确保问题整改到位、见底清零。',
    '（三）巩固拓展整顿成效。坚持边整边建、以建促治，及时把行之有效的经验做法固化为制度机制，锻造忠诚干净担当的纪检监察铁军。',
  ].join('\n'),
};

const pick = (n: StoredNotes): ReportNotes => ({
  highlights: n.highlights,
  problems: n.problems,
  nextSteps: n.nextSteps,
});

export function createReportNotesService(sc: ServiceContext) {
  const all = () => sc.store.get<StoredNotes[] | undefined>(NOTES_COLLECTION) ?? [];

  /** The period's own notes, else the latest earlier period's, else the draft. */
  function get(from: string, to: string): ReportNotesInfo {
    const list = all();
    const own = list.find((n) => n.from === from && n.to === to);
    if (own) {
      return {
        from,
        to,
        notes: pick(own),
        source: 'saved',
        updatedAt: own.updatedAt,
        updatedBy: own.updatedBy,
      };
    }
    const earlier = list
      .filter((n) => n.to < from || (n.from < from && n.to <= to))
      .sort((a, b) => (a.to === b.to ? a.from.localeCompare(b.from) : a.to.localeCompare(b.to)))
      .pop();
    if (earlier) {
      return {
        from,
        to,
        notes: pick(earlier),
        source: 'previous',
        sourcePeriod: { from: earlier.from, to: earlier.to },
      };
    }
    return { from, to, notes: { ...DRAFT_NOTES }, source: 'default' };
  }

  async function save(
    from: string,
    to: string,
    notes: ReportNotes,
    ctx: CallContext,
  ): Promise<ReportNotesInfo> {
    const before = all().find((n) => n.from === from && n.to === to);
    const stored: StoredNotes = {
      id: before?.id ?? `notes-${randomUUID()}`,
      from,
      to,
      ...notes,
      updatedAt: sc.now().toISOString(),
      updatedBy: actorName(ctx),
    };
    await sc.store.update<StoredNotes[] | undefined>(NOTES_COLLECTION, (cur = []) => [
      ...cur.filter((n) => n.id !== stored.id),
      stored,
    ]);
    await sc.audit.record(
      {
        action: '修改报告文字',
        target: 'report-notes',
        recordId: stored.id,
        before: before && pick(before),
        after: notes,
        detail: `${from}至${to}`,
      },
      ctx,
    );
    return get(from, to);
  }

  /** What a template starts with: the latest notes the office wrote, else the draft. */
  const latest = (): ReportNotes => get('9999-12-31', '9999-12-31').notes;

  return { get, save, latest };
}

export type ReportNotesService = ReturnType<typeof createReportNotesService>;

export function createReportNotesHandlers(
  notes: ReportNotesService,
): HandlersFor<'report:notes:get' | 'report:notes:save'> {
  return {
    'report:notes:get': async ({ from, to }) => notes.get(from, to),
    'report:notes:save': async ({ from, to, notes: text }, ctx) => notes.save(from, to, text, ctx),
  };
}
