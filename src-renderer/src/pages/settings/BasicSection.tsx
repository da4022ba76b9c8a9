// Settings: the commission's and the campaign's names and dates (the idle-lock minutes live in 账户与安全).
import { Col, Form, Input, Row } from 'antd';
import { DateInput } from '../../components/DateInput';

export function BasicSection() {
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
    </Row>
  );
}
