// First run: who the office is, the campaign's dates and phases, the units — or load the demonstration data.
import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';
import { BasicSection } from '../settings/BasicSection';
import { PhasesSection } from '../settings/PhasesSection';
import { saveSettings } from '../settings/settingsForm';
import { UnitsSection } from '../settings/UnitsSection';

const STEP_OF: Record<string, number> = { phases: 1, units: 2 };

export function SetupWizard() {
  const { settings, setSettings, refreshInfo } = useAppData();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState<'save' | 'demo' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const finish = async () => {
    setBusy('save');
    const out = await saveSettings(form, settings, { setupDone: true });
    setBusy(null);
    if (out.saved) {
      setSettings(out.saved);
      refreshInfo();
      void message.success('设置完成，欢迎使用教育整顿工作台');
      return;
    }
    setProblem(out.message ?? '保存失败');
    if (out.firstPath) setStep(STEP_OF[String(out.firstPath[0])] ?? 0);
  };

  const loadDemo = async () => {
    setBusy('demo');
    const r = await call('demo:load', { replace: true });
    if (!r.ok) {
      setBusy(null);
      setProblem(r.error.message);
      return;
    }
    let s = await call('settings:get', {});
    if (s.ok && !s.data.setupDone)
      s = await call('settings:update', { settings: { ...s.data, setupDone: true } });
    setBusy(null);
    if (!s.ok) return setProblem(s.error.message);
    setSettings(s.data);
    refreshInfo();
    void message.success(`已载入演示数据（${r.data.records} 条记录）`);
  };

  const panes = [<BasicSection key="b" />, <PhasesSection key="p" />, <UnitsSection key="u" compact />];
  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        justifyContent: 'center',
        padding: '40px 16px',
        background: '#f5f6f8',
      }}
    >
      <Card style={{ width: 860, maxWidth: '100%' }} data-testid="setup-wizard">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <div>
            <Typography.Title level={3} style={{ marginBottom: 4 }}>
              欢迎使用教育整顿工作台
            </Typography.Title>
            <Typography.Text type="secondary">
              先填写本单位和教育整顿的基本情况（以后可在“设置”中修改），或载入一套演示数据先熟悉功能。
            </Typography.Text>
          </div>
          <Steps
            current={step}
            onChange={setStep}
            items={[{ title: '基本信息' }, { title: '环节与日期' }, { title: '单位' }]}
          />
          {problem && (
            <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} />
          )}
          <Form form={form} name="setup" layout="vertical" initialValues={settings}>
            {panes.map((p, i) => (
              <div key={i} style={{ display: i === step ? 'block' : 'none' }}>
                {p}
              </div>
            ))}
          </Form>
          <div style={{ display: 'flex', justifyContent: 'space-between' }}>
            <Button
              icon={<ExperimentOutlined />}
              loading={busy === 'demo'}
              disabled={!!busy}
              onClick={() => void loadDemo()}
            >
              载入演示数据
            </Button>
            <Space>
              {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
              {step < panes.length - 1 ? (
                <Button type="primary" onClick={() => setStep(step + 1)}>
                  下一步
                </Button>
              ) : (
                <Button
                  type="primary"
                  loading={busy === 'save'}
                  disabled={!!busy}
                  onClick={() => void finish()}
                >
                  完成设置
                </Button>
              )}
            </Space>
          </div>
        </Space>
      </Card>
    </div>
  );
}
