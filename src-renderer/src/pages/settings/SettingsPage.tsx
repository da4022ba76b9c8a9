// 设置: names and dates, phases, working groups and leading group, units, choice lists, the four-forms mapping, the
// Word format, what the report says that no ledger holds (报告信息), accounts and security, and (administrator only)
// 数据与备份. Only the administrator saves; everyone else sees the settings read-only.
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Space, Tabs, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useAppData } from '../../hooks/useAppData';
import { useHotkeys } from '../../hooks/useHotkeys';
import { isAdmin } from '../../lib/permissions';
import { AccountSection } from './AccountSection';
import { BasicSection } from './BasicSection';
import { ChoiceListsSection } from './ChoiceListsSection';
import { DataSection } from './DataSection';
import { DocFormatSection, docFormatOf } from './DocFormatSection';
import { FourFormsSection } from './FourFormsSection';
import { GroupsSection } from './GroupsSection';
import { PhasesSection } from './PhasesSection';
import { ReportInfoSection } from './ReportInfoSection';
import { saveSettings } from './settingsForm';
import { UnitsSection } from './UnitsSection';

const TAB_OF: Record<string, string> = {
  phases: 'phases',
  groups: 'groups',
  leadingGroup: 'groups',
  units: 'units',
  choiceLists: 'choices',
  fourForms: 'fourForms',
  docFormat: 'docFormat',
  bulletinName: 'docFormat',
  lockMinutes: 'account',
  report: 'report',
  outputDir: 'report',
};

const TABS = [
  'basic',
  'phases',
  'groups',
  'units',
  'choices',
  'fourForms',
  'docFormat',
  'report',
  'account',
  'data',
];

export function SettingsPage({ tab: initialTab }: { tab?: string }) {
  const { settings, setSettings, info, viewer } = useAppData();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const editable = isAdmin(viewer);
  // 数据与备份 is the administrator's (the server refuses everyone else too).
  const tabs = editable ? TABS : TABS.filter((t) => t !== 'data');
  const [tab, setTab] = useState(initialTab && tabs.includes(initialTab) ? initialTab : 'basic');
  // A link to another tab while this page is open (the banner's 检查数据 → #/settings/data) switches to it.
  const [linkedTab, setLinkedTab] = useState(initialTab);
  if (initialTab !== linkedTab) {
    setLinkedTab(initialTab);
    if (initialTab && tabs.includes(initialTab)) setTab(initialTab);
  }
  // The Word format as the form holds it: the stored preset with the standard filling any gap.
  const initial = useMemo(() => ({ ...settings, docFormat: docFormatOf(settings.docFormat) }), [settings]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [formKeys, setFormKeys] = useState(() => Object.keys(settings.fourForms));

  const save = async () => {
    if (!editable) return;
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
    if (out.firstPath) {
      const to = TAB_OF[String(out.firstPath[0])] ?? 'basic';
      setTab(to);
      // Again once the tab is shown and the message above has pushed the form down.
      const first = out.firstPath;
      window.setTimeout(() => form.scrollToField(first, { block: 'center' }), 50);
    }
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
    { key: 'docFormat', label: '公文格式', children: <DocFormatSection form={form} /> },
    { key: 'report', label: '报告信息', children: <ReportInfoSection form={form} /> },
    { key: 'account', label: '账户与安全', children: <AccountSection /> },
  ]
    .map((i) => ({ ...i, forceRender: true }))
    // Not part of the settings form, and it reads every backup's header: drawn only once opened.
    .concat(
      editable ? [{ key: 'data', label: '数据与备份', children: <DataSection />, forceRender: false }] : [],
    );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="settings-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          设置
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">数据目录：{info.dataDir}</Typography.Text>
          {editable && tab !== 'data' && (
            <>
              <Button onClick={() => form.resetFields()}>还原</Button>
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
                保存设置（Ctrl+S）
              </Button>
            </>
          )}
        </Space>
      </Space>
      {!editable && (
        <Alert
          type="info"
          showIcon
          title="只有管理员可以修改设置，您可以查看。"
          data-testid="settings-read-only"
        />
      )}
      {problem && (
        <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} />
      )}
      {/* No <form> element: the 账户与安全 tab holds a form of its own (启用账户), and forms cannot nest. */}
      <div style={{ background: '#fff', padding: '0 16px 16px' }}>
        <Form
          form={form}
          component={false}
          name="settings"
          layout="vertical"
          initialValues={initial}
          disabled={!editable}
        >
          <Tabs activeKey={tab} onChange={setTab} items={items} />
        </Form>
      </div>
    </Space>
  );
}
