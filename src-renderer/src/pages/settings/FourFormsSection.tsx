// Settings: the outcome / sanction → four forms (四种形态) mapping that the statistics derive forms from.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { FOUR_FORM_NAMES } from '../../../../src-main/shared/choices';

interface Props {
  keys: string[];
  onAdd: (k: string) => void;
}

export function FourFormsSection({ keys, onAdd }: Props) {
  const [name, setName] = useState('');
  return (
    <>
      <Typography.Paragraph type="secondary">
        每种处置结果或处分对应的形态。统计时按此表把线索的处置结果折算为“四种形态”人次；“了结澄清”仅在谈话函询后计入第一种形态。
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey={(k) => k}
        dataSource={keys}
        style={{ maxWidth: 520 }}
        columns={[
          { title: '处置结果 / 处分', render: (_, k) => k },
          {
            title: '形态',
            width: 180,
            render: (_, k) => (
              <Form.Item name={['fourForms', k]} style={{ margin: 0 }}>
                <Select options={FOUR_FORM_NAMES.map((n, i) => ({ value: i + 1, label: n }))} />
              </Form.Item>
            ),
          },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Input
          placeholder="新的处置结果或处分"
          value={name}
          onChange={(e) => setName(e.target.value)}
          style={{ width: 220 }}
        />
        <Button
          icon={<PlusOutlined />}
          disabled={!name.trim() || keys.includes(name.trim())}
          onClick={() => {
            onAdd(name.trim());
            setName('');
          }}
        >
          添加对应关系
        </Button>
      </Space>
    </>
  );
}
