// 问题线索 (confidential source, counts only): intake by source, disposition, cases, sanctions, four forms.
import type { ChoiceBasis, ChoiceMeanings } from '../../shared/choice-meanings';
import { DEFAULT_CHOICES, FOUR_FORM_NAMES } from '../../shared/choices';
import type { ChoiceListKey } from '../../shared/choices';
import type { DateRange } from '../../shared/dates';
import type { LedgerRecord } from '../../shared/ledgers/types';
import type { Settings } from '../../shared/settings';
import { section } from '../define';
import type { StatsIndex } from '../stats-index';
import { count, doneBasis, rate, str } from '../util';

const ind = section('问题线索', true);

type Mapping = Settings['fourForms'];
/** What fourFormOf reads meanings through: the meanings themselves, or a StatsIndex. */
type Meanings = Pick<ChoiceMeanings, 'is' | 'tagOf' | 'labelsOf'>;

/** The form an outcome or sanction maps to: under its name today, else any name it had, else as stored. */
function formOf(mapping: Mapping, choices: Meanings, list: ChoiceListKey, label: string) {
  const tag = choices.tagOf(list, label);
  if (tag !== undefined) for (const l of choices.labelsOf(list, tag)) if (mapping[l]) return mapping[l];
  return mapping[label] ?? null;
}

/**
 * The form (1..4) a clue's result counts as. A sanction, when given, decides; otherwise the outcome does,
 * except that 了结澄清 is the first form only after 谈话函询 (a clue closed after 初步核实 is no form at all).
 * Labels are read through their meanings, so a renamed outcome or sanction keeps its form.
 */
export function fourFormOf(clue: LedgerRecord, mapping: Mapping, choices: Meanings): 1 | 2 | 3 | 4 | null {
  const sanction = str(clue.sanction);
  const bySanction = sanction ? formOf(mapping, choices, 'clueSanction', sanction) : null;
  if (bySanction) return bySanction;
  const outcome = str(clue.outcome);
  if (!outcome) return null;
  if (
    choices.is('clueOutcome', outcome, '了结澄清') &&
    !choices.is('clueDisposition', clue.disposition, '谈话函询')
  )
    return null;
  return formOf(mapping, choices, 'clueOutcome', outcome);
}
/** What fourFormOf asks by meaning (the mapping itself is keyed by label and follows renames). */
const FORMS_BASIS: ChoiceBasis[] = [
  { list: 'clueOutcome', tag: '了结澄清' },
  { list: 'clueDisposition', tag: '谈话函询' },
];

/** A result happens when the clue is closed (else when it was disposed of). */
const outcomeDate = (c: LedgerRecord) => str(c.closedDate) ?? str(c.dispositionDate);
const received = (ix: StatsIndex, r: DateRange) => ix.within('clues', r);
const disposed = (ix: StatsIndex, r: DateRange) =>
  ix.memo(`clues-disposed\u0000${r.from}\u0000${r.to}`, () =>
    ix.within('clues', r, 'dispositionDate').filter((c) => !!str(c.disposition)),
  );
const resulted = (ix: StatsIndex, r: DateRange) => ix.withinBy('clues', r, 'outcomeDate', outcomeDate);

/** Person-times per form: [form1, form2, form3, form4]. */
function forms(ix: StatsIndex, r: DateRange): number[] {
  return ix.memo(`forms\u0000${r.from}\u0000${r.to}`, () => {
    const n = [0, 0, 0, 0];
    for (const c of resulted(ix, r)) {
      const f = fourFormOf(c, ix.settings.fourForms, ix);
      if (f) n[f - 1]++;
    }
    return n;
  });
}
const formsTotal = (ix: StatsIndex, r: DateRange) => forms(ix, r).reduce((a, b) => a + b, 0);

const BY_SOURCE = DEFAULT_CHOICES.clueSource.map((s) =>
  ind(
    {
      name: `${s === '其他' ? '其他来源' : s}线索数`,
      unit: '件',
      meaning: `受理日期在期间内、来源为“${s}”的线索数`,
      basis: [{ list: 'clueSource', tag: s }],
    },
    (ix, r) => ix.withTag(received(ix, r), 'clueSource', 'source', s).length,
  ),
);
const BY_DISPOSITION = DEFAULT_CHOICES.clueDisposition.map((d) =>
  ind(
    {
      name: `${d}线索数`,
      unit: '件',
      meaning: `处置日期在期间内、处置方式为“${d}”的线索数`,
      basis: [{ list: 'clueDisposition', tag: d }],
    },
    (ix, r) => ix.withTag(disposed(ix, r), 'clueDisposition', 'disposition', d).length,
  ),
);
const FORMS = FOUR_FORM_NAMES.flatMap((form, i) => [
  ind(
    { name: `${form}人次`, unit: '人次', meaning: `办理结果归入${form}的人次`, basis: FORMS_BASIS },
    (ix, r) => forms(ix, r)[i],
  ),
  ind(
    {
      name: `${form}占比`,
      unit: '%',
      kind: 'percent',
      meaning: `${form}人次 ÷ 四种形态总人次`,
      basis: FORMS_BASIS,
    },
    (ix, r) => rate(forms(ix, r)[i], formsTotal(ix, r)),
  ),
]);

/** Outcomes that count in 处分人数 (and the 处分 column of 线索处置统计表). */
export const SANCTIONED = ['党纪处分', '政务处分'] as const;

export const CLUES = [
  ind(
    { name: '受理线索数', unit: '件', meaning: '受理日期在期间内的问题线索数' },
    (ix, r) => received(ix, r).length,
  ),
  ...BY_SOURCE,
  ind(
    { name: '处置线索数', unit: '件', meaning: '处置日期在期间内的问题线索数' },
    (ix, r) => disposed(ix, r).length,
  ),
  ...BY_DISPOSITION,
  ind(
    {
      name: '办结线索数',
      unit: '件',
      meaning: '办结日期在期间内且已办结的问题线索数',
      basis: doneBasis('clues'),
    },
    (ix, r) => count(ix.within('clues', r, 'closedDate'), (c) => ix.isDone('clues', c)),
  ),
  ind({ name: '立案数', unit: '件', meaning: '已立案的线索数（按处置日期计）' }, (ix, r) =>
    count(
      ix.withinBy('clues', r, 'fileDate', (c) => str(c.dispositionDate) ?? c.date),
      (c) => c.caseFiled === true,
    ),
  ),
  ind(
    {
      name: '处分人数',
      unit: '人',
      meaning: '受到党纪处分或政务处分的人数（同一人只计一次）',
      basis: SANCTIONED.map((tag) => ({ list: 'clueOutcome', tag })),
    },
    (ix, r) => {
      const people = new Set<string>();
      for (const c of resulted(ix, r)) {
        if (ix.isAny('clueOutcome', c.outcome, SANCTIONED))
          // personKey is the anonymous per-person key of the sealed counting projection (names are encrypted).
          people.add(str(c.personKey) ?? `${str(c.personName)}\u0000${str(c.personUnit) ?? ''}`);
      }
      return people.size;
    },
  ),
  ind(
    { name: '四种形态人次', unit: '人次', meaning: '运用监督执纪“四种形态”处理的总人次', basis: FORMS_BASIS },
    formsTotal,
  ),
  ...FORMS,
];
