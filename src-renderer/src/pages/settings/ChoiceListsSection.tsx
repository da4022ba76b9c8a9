// Settings: every editable choice list, named by the ledger fields that use it (one option a line). Editing a
// line in place renames the option and its statistics follow; the notes under each list say so before saving.
import { Col, Form, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { ledgerList } from '../../../../src-main/shared/ledgers';
import { useChannel } from '../../hooks/useChannel';
import { TextListInput } from '../ledger/inputs/TextListInput';
import { basisKey, ChoiceListNotes } from './ChoiceListNotes';
import type { BasisIndex } from './ChoiceListNotes';

/** "会议·会议类型" for each list, from the ledger definitions; lists no ledger uses keep their key. */
export function choiceListLabel(key: string): string {
  const users = ledgerList().flatMap((d) =>
    d.fields.filter((f) => f.choiceList === key).map((f) => `${d.label}·${f.label}`),
  );
  return users.length ? [...new Set(users)].join('，') : key;
}

export function ChoiceListsSection({ keys }: { keys: string[] }) {
  // Which indicators count by which option, from the catalog itself (for the warning on deletion).
  const catalog = useChannel('stats:catalog', {});
  const basis = useMemo<BasisIndex>(() => {
    const m = new Map<string, string[]>();
    for (const i of catalog.data?.indicators ?? [])
      for (const b of i.basis ?? []) {
        const k = basisKey(b.list, b.tag);
        m.set(k, [...(m.get(k) ?? []), i.name]);
      }
    return m;
  }, [catalog.data]);
  return (
    <>
      <Typography.Paragraph type="secondary">
        每行一个选项。在原行上直接修改文字即为改名：已按原名保存的记录照常统计，统计口径不变；删去的选项在旧记录中仍显示，但新记录不能再选。
      </Typography.Paragraph>
      <Row gutter={[16, 0]}>
        {keys.map((k) => (
          <Col span={8} key={k}>
            <Form.Item
              name={['choiceLists', k]}
              label={choiceListLabel(k)}
              extra={<ChoiceListNotes list={k} basis={basis} />}
            >
              <TextListInput />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </>
  );
}
