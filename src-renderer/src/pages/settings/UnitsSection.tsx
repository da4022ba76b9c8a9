// Settings: the district's units (机关, 派驻机构, 乡镇街道) with headcounts, the denominators of 参学率.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Switch, Table } from 'antd';
import { UNIT_KINDS } from '../../../../src-main/shared/settings';
import { newId } from '../../lib/format';

export function UnitsSection({ compact = false }: { compact?: boolean }) {
  return (
    <Form.List name="units">
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            locale={{ emptyText: '还没有单位，请添加' }}
            columns={[
              {
                title: '单位名称',
                render: (_, f) => (
                  <Form.Item name={[f.name, 'name']} style={{ margin: 0 }}>
                    <Input placeholder="如：XX镇纪委" />
                  </Form.Item>
                ),
              },
              {
                title: '类别',
                width: 130,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'kind']} style={{ margin: 0 }}>
                    <Select options={UNIT_KINDS.map((k) => ({ value: k, label: k }))} />
                  </Form.Item>
                ),
              },
              {
                title: '干部人数',
                width: 110,
                render: (_, f) => (
                  <Form.Item name={[f.name, 'headcount']} style={{ margin: 0 }}>
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                ),
              },
              ...(compact
                ? []
                : [
                    {
                      title: '领导班子人数',
                      width: 120,
                      render: (_: unknown, f: { name: number }) => (
                        <Form.Item name={[f.name, 'leaderHeadcount']} style={{ margin: 0 }}>
                          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      ),
                    },
                    {
                      title: '启用',
                      width: 70,
                      render: (_: unknown, f: { name: number }) => (
                        <Form.Item name={[f.name, 'active']} valuePropName="checked" style={{ margin: 0 }}>
                          <Switch size="small" />
                        </Form.Item>
                      ),
                    },
                  ]),
              {
                title: '',
                width: 50,
                render: (_, f) => (
                  <Button
                    icon={<DeleteOutlined />}
                    size="small"
                    onClick={() => remove(f.name)}
                    aria-label="删除单位"
                  />
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            style={{ marginTop: 8 }}
            onClick={() =>
              add({
                id: newId('u'),
                name: '',
                kind: '乡镇街道',
                headcount: 0,
                leaderHeadcount: 0,
                active: true,
              })
            }
          >
            添加单位
          </Button>
        </>
      )}
    </Form.List>
  );
}
