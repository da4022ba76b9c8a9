// Settings: the commission's and the campaign's names and dates.
import { Col, Form, Input, InputNumber, Row } from 'antd';
import { DateInput } from '../../components/DateInput';

export function BasicSection({ withLock = true }: { withLock?: boolean }) {
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="commissionName" label="纪委监委名称" required>
          <Input placeholder="如：XX区纪委监委" />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="campaignName" label="教育整顿名称" required>
          <Input placeholder="纪检监察干部队伍教育整顿" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="officeName" label="领导小组办公室名称" required extra="简报报头和报告落款使用">
          <Input />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="campaignStart" label="教育整顿开始日期" required>
          <DateInput />
        </Form.Item>
      </Col>
      <Col span={12}>
        <Form.Item name="campaignEnd" label="教育整顿结束日期" required>
          <DateInput />
        </Form.Item>
      </Col>
      {withLock && (
        <Col span={12}>
          <Form.Item name="lockMinutes" label="无操作锁屏（分钟）">
            <InputNumber min={1} max={240} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
