// Settings: the office's working groups (leader, members, duties) and the leading group's members.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Divider, Form, Input, Row, Select } from 'antd';
import { newId } from '../../lib/format';

export function GroupsSection() {
  return (
    <>
      <Divider titlePlacement="start">工作组</Divider>
      <Form.List name="groups">
        {(fields, { add, remove }) => (
          <>
            <Row gutter={[12, 12]}>
              {fields.map((f) => (
                <Col span={12} key={f.key}>
                  <Card
                    size="small"
                    extra={
                      <Button
                        size="small"
                        type="text"
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label="删除工作组"
                      />
                    }
                    title={
                      <Form.Item name={[f.name, 'name']} style={{ margin: 0 }}>
                        <Input
                          variant="borderless"
                          placeholder="工作组名称"
                          style={{ fontWeight: 600, paddingLeft: 0 }}
                        />
                      </Form.Item>
                    }
                  >
                    <Form.Item name={[f.name, 'leader']} label="组长" style={{ marginBottom: 8 }}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'members']} label="成员" style={{ marginBottom: 8 }}>
                      <Select mode="tags" open={false} suffixIcon={null} placeholder="输入姓名后回车" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'duties']} label="职责" style={{ marginBottom: 0 }}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                    </Form.Item>
                  </Card>
                </Col>
              ))}
            </Row>
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              style={{ marginTop: 12 }}
              onClick={() => add({ key: newId('g'), name: '', leader: '', members: [], duties: '' })}
            >
              添加工作组
            </Button>
          </>
        )}
      </Form.List>
      <Divider titlePlacement="start">领导小组成员</Divider>
      <Form.List name="leadingGroup">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row gutter={12} key={f.key}>
                <Col span={6}>
                  <Form.Item name={[f.name, 'name']}>
                    <Input placeholder="姓名" />
                  </Form.Item>
                </Col>
                <Col span={10}>
                  <Form.Item name={[f.name, 'post']}>
                    <Input placeholder="职务" />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[f.name, 'role']}>
                    <Select options={['组长', '副组长', '成员'].map((v) => ({ value: v, label: v }))} />
                  </Form.Item>
                </Col>
                <Col span={3}>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除成员" />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ name: '', post: '', role: '成员' })}
            >
              添加领导小组成员
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
