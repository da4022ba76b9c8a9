// Under one choice list in 设置: what saving the edited lines will do to the statistics. A line edited in
// place is a rename (the counts follow it); a deleted option some indicator counts by gets a warning; a
// renamed option shows its former names. The preview runs the same rule the settings service applies.
import { Form, Typography } from 'antd';
import { useMemo } from 'react';
import { ChoiceMeanings, followRenames, isChoiceListKey } from '../../../../src-main/shared/choice-meanings';
import { useAppData } from '../../hooks/useAppData';

/** "list\u0000tag" → names of the indicators that count by that option. */
export type BasisIndex = ReadonlyMap<string, string[]>;

export const basisKey = (list: string, tag: string) => `${list}\u0000${tag}`;

const quote = (xs: string[]) => xs.map((x) => `“${x}”`).join('、');

/** "“领导小组会议次数”" or "“A”、“B”等5项指标". */
function indicatorsText(names: string[]): string {
  return names.length <= 2 ? quote(names) : `${quote(names.slice(0, 2))}等${names.length}项指标`;
}

export function ChoiceListNotes({ list, basis }: { list: string; basis: BasisIndex }) {
  const { settings } = useAppData();
  const form = Form.useFormInstance();
  const watched = Form.useWatch(['choiceLists', list], form) as string[] | undefined;
  const saved = settings.choiceLists[list];

  const notes = useMemo(() => {
    if (!isChoiceListKey(list) || !saved) return null;
    const lines = watched ?? saved;
    const { map, renames } = followRenames(
      settings.choiceMeanings ?? {},
      { [list]: saved },
      { [list]: lines },
    );
    const before = new ChoiceMeanings(settings.choiceMeanings);
    const after = new ChoiceMeanings(map);
    const renamedFrom = new Set(renames.map((r) => r.from));
    const deleted = saved
      .filter((l) => !lines.includes(l) && !renamedFrom.has(l))
      .flatMap((label) => {
        const tag = before.tagOf(list, label);
        const names = tag === undefined ? [] : (basis.get(basisKey(list, tag)) ?? []);
        return names.length ? [{ label, names }] : [];
      });
    const renamedTo = new Set(renames.map((r) => r.to));
    const former = lines.flatMap((label) => {
      const old = renamedTo.has(label) ? [] : after.formerLabels(list, label);
      return old.length ? [{ label, old }] : [];
    });
    return { renames, deleted, former };
  }, [list, saved, watched, settings.choiceMeanings, basis]);

  if (!notes) return null;
  const { renames, deleted, former } = notes;
  if (!renames.length && !deleted.length && !former.length) return null;
  return (
    <div data-testid={`choice-notes-${list}`} style={{ marginTop: 4 }}>
      {renames.map((r) => (
        <div key={`r-${r.from}`}>
          <Typography.Text type="success">
            保存后“{r.from}”改名为“{r.to}”，原有记录照常统计
          </Typography.Text>
        </div>
      ))}
      {deleted.map((d) => (
        <div key={`d-${d.label}`}>
          <Typography.Text type="warning">
            “{d.label}”是统计{indicatorsText(d.names)}
            的依据：删除后新记录不能再选，已有记录仍照常统计；如要改名，请在原行上直接修改
          </Typography.Text>
        </div>
      ))}
      {former.map((f) => (
        <div key={`f-${f.label}`}>
          <Typography.Text type="secondary">
            “{f.label}”曾用名：{f.old.join('、')}（按曾用名保存的记录一并统计）
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
