// Settings: the campaign's phases (学习教育 → 检视整改 → 巩固提升 by default) and their dates.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import { DateInput } from '../../components/DateInput';

export function PhasesSection() {
  return (
    <Form.List name="phases">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, i) => (
            <Row gutter={12} key={f.key} align="top">
              <Col span={7}>
                <Form.Item name={[f.name, 'name']} label={i === 0 ? '环节名称' : undefined} required>
                  <Input placeholder="环节名称" />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[f.name, 'start']} label={i === 0 ? '开始日期' : undefined} required>
                  <DateInput />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[f.name, 'end']} label={i === 0 ? '结束日期' : undefined} required>
                  <DateInput />
                </Form.Item>
              </Col>
              <Col span={3} style={{ paddingTop: i === 0 ? 30 : 0 }}>
                <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除环节" />
              </Col>
            </Row>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', start: undefined, end: undefined })}
          >
            添加环节
          </Button>
        </>
      )}
    </Form.List>
  );
}
