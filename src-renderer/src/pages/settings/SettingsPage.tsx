// 设置: names and dates, phases, working groups and leading group, units, choice lists, the four-forms mapping.
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useAppData } from '../../hooks/useAppData';
import { useHotkeys } from '../../hooks/useHotkeys';
import { BasicSection } from './BasicSection';
import { ChoiceListsSection } from './ChoiceListsSection';
import { FourFormsSection } from './FourFormsSection';
import { GroupsSection } from './GroupsSection';
import { PhasesSection } from './PhasesSection';
import { saveSettings } from './settingsForm';
import { UnitsSection } from './UnitsSection';

const TAB_OF: Record<string, string> = {
  phases: 'phases',
  groups: 'groups',
  leadingGroup: 'groups',
  units: 'units',
  choiceLists: 'choices',
  fourForms: 'fourForms',
};

export function SettingsPage() {
  const { settings, setSettings, info } = useAppData();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [tab, setTab] = useState('basic');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [formKeys, setFormKeys] = useState(() => Object.keys(settings.fourForms));

  const save = async () => {
    setSaving(true);
    const out = await saveSettings(form, settings);
    setSaving(false);
    if (out.saved) {
      setProblem(null);
      setSettings(out.saved);
      void message.success('设置已保存');
      return;
    }
    setProblem(out.message ?? '保存失败');
    if (out.firstPath) setTab(TAB_OF[String(out.firstPath[0])] ?? 'basic');
  };
  useHotkeys({ 'mod+s': () => void save() });

  const items = [
    { key: 'basic', label: '基本信息', children: <BasicSection /> },
    { key: 'phases', label: '环节', children: <PhasesSection /> },
    { key: 'groups', label: '工作组与领导小组', children: <GroupsSection /> },
    { key: 'units', label: '单位', children: <UnitsSection /> },
    {
      key: 'choices',
      label: '选项列表',
      children: <ChoiceListsSection keys={Object.keys(settings.choiceLists)} />,
    },
    {
      key: 'fourForms',
      label: '四种形态',
      children: (
        <FourFormsSection
          keys={formKeys}
          onAdd={(k) => {
            form.setFieldValue(['fourForms', k], 1);
            setFormKeys((ks) => [...ks, k]);
          }}
        />
      ),
    },
  ].map((i) => ({ ...i, forceRender: true }));

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="settings-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          设置
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">数据目录：{info.dataDir}</Typography.Text>
          <Button onClick={() => form.resetFields()}>还原</Button>
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
            保存设置（Ctrl+S）
          </Button>
        </Space>
      </Space>
      {problem && (
        <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} />
      )}
      <Form
        form={form}
        name="settings"
        layout="vertical"
        initialValues={settings}
        style={{ background: '#fff', padding: '0 16px 16px' }}
      >
        <Tabs activeKey={tab} onChange={setTab} items={items} />
      </Form>
    </Space>
  );
}
