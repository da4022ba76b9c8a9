// Settings: every editable choice list, named by the ledger fields that use it (one option a line).
import { Col, Form, Row } from 'antd';
import { ledgerList } from '../../../../src-main/shared/ledgers';
import { TextListInput } from '../ledger/inputs/TextListInput';

/** "会议·会议类型" for each list, from the ledger definitions; lists no ledger uses keep their key. */
export function choiceListLabel(key: string): string {
  const users = ledgerList().flatMap((d) =>
    d.fields.filter((f) => f.choiceList === key).map((f) => `${d.label}·${f.label}`),
  );
  return users.length ? [...new Set(users)].join('，') : key;
}

export function ChoiceListsSection({ keys }: { keys: string[] }) {
  return (
    <Row gutter={[16, 0]}>
      {keys.map((k) => (
        <Col span={8} key={k}>
          <Form.Item
            name={['choiceLists', k]}
            label={choiceListLabel(k)}
            extra="每行一个选项；删去的选项在旧记录中仍显示"
          >
            <TextListInput />
          </Form.Item>
        </Col>
      ))}
    </Row>
  );
}
