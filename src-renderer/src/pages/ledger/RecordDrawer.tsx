// The record form in a drawer: generated from the LedgerDef, checked with the shared schema, saved through main.
// A record this user may not change (只读, or another working group's for 工作组成员) opens read-only.
import { LockOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Drawer,
  Form,
  Popconfirm,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import type { FieldDef, LedgerDef, LedgerRecord } from '../../../../src-main/shared/ledgers/types';
import type { AppError, FieldIssue } from '../../../../src-main/shared/result';
import { call } from '../../api/client';
import { useAppData } from '../../hooks/useAppData';
import { useHotkeys } from '../../hooks/useHotkeys';
import { formatStamp } from '../../lib/format';
import { roleLabel, writableGroups } from '../../lib/permissions';
import { FieldInput, isWide } from './FieldInput';
import type { KeepOption } from './inputs/KeepSelect';
import { initialValues, schemaContext, splitIssues, toPayload, validate } from './recordForm';

interface Props {
  def: LedgerDef;
  /** The record being edited, or null for a new one. */
  record: LedgerRecord | null;
  /** View only: no saving, no deleting, every control disabled. */
  readOnly?: boolean;
  linkOptions: (f: FieldDef) => KeepOption[];
  onClose: () => void;
  onSaved: (r: LedgerRecord, created: boolean) => void;
  onDelete: (r: LedgerRecord) => void;
  /** After a conflict, the latest version replaces the one being edited. */
  onReloaded: (r: LedgerRecord) => void;
}

function commonFields(def: LedgerDef): FieldDef[] {
  return [
    { key: 'date', label: def.dateLabel, type: 'date', required: true },
    { key: 'unit', label: '单位', type: 'unit', required: true },
    { key: 'group', label: '所属工作组', type: 'group', required: true },
  ];
}

function sections(def: LedgerDef): { title: string; fields: FieldDef[] }[] {
  const out: { title: string; fields: FieldDef[] }[] = [{ title: '基本信息', fields: commonFields(def) }];
  for (const f of def.fields) {
    const title = f.section ?? '基本信息';
    const s = out.find((x) => x.title === title);
    if (s) s.fields.push(f);
    else out.push({ title, fields: [f] });
  }
  out.push({ title: '其他', fields: [{ key: 'remarks', label: '备注', type: 'textarea', maxLength: 2000 }] });
  return out;
}

export function RecordDrawer(props: Props) {
  const { def, record, linkOptions, onClose, onSaved, onDelete, onReloaded, readOnly = false } = props;
  const { settings: allSettings, info, viewer, user } = useAppData();
  // The 所属工作组 list offers only the groups this user may write (the full list when viewing).
  const settings = useMemo(
    () =>
      readOnly ? allSettings : { ...allSettings, groups: writableGroups(viewer, def, allSettings.groups) },
    [readOnly, allSettings, viewer, def],
  );
  const { message, modal } = App.useApp();
  const [form] = Form.useForm();
  const [saving, setSaving] = useState(false);
  const [checked, setChecked] = useState(false);
  const [problem, setProblem] = useState<{ error: AppError; other: string[] } | null>(null);
  const initial = useMemo(
    () => initialValues(def, settings, info.today, record ?? undefined),
    [def, settings, info.today, record],
  );
  const ctx = useMemo(() => schemaContext(settings, record ?? undefined), [settings, record]);

  const showIssues = (issues: FieldIssue[], focus = false) => {
    const { fields, other } = splitIssues(def, issues);
    const names = new Set(fields.map((f) => f.name));
    const cleared = Object.keys(form.getFieldsValue(true) as object)
      .filter((k) => !names.has(k))
      .map((name) => ({ name, errors: [] as string[] }));
    form.setFields([...fields, ...cleared]);
    if (focus && fields[0]) form.scrollToField(fields[0].name, { block: 'center', focus: true });
    return other;
  };

  /** Every problem at once, above the form too (a long form hides some below the fold): "字段：问题". */
  const listIssues = (issues: FieldIssue[]): string[] => {
    const labels = new Map(sections(def).flatMap((s) => s.fields.map((f) => [f.key, f.label] as const)));
    const seen = new Set<string>();
    const out: string[] = [];
    for (const i of issues) {
      const path = i.path[0] === 'record' ? i.path.slice(1) : i.path;
      const label = labels.get(String(path[0] ?? ''));
      const line = label && !i.message.startsWith(label) ? `${label}：${i.message}` : i.message;
      if (!seen.has(line)) out.push(line);
      seen.add(line);
    }
    return out;
  };

  const save = async () => {
    if (saving || readOnly) return;
    const payload = toPayload(def, form.getFieldsValue(true) as Record<string, unknown>);
    const issues = validate(def, ctx, payload);
    setChecked(true);
    if (issues.length) {
      showIssues(issues, true);
      const all = listIssues(issues);
      setProblem({
        error: { code: 'validation', message: `有 ${all.length} 处需要修正，已在下面标出：` },
        other: all,
      });
      return;
    }
    setSaving(true);
    const r = record
      ? await call('ledgers:update', { ledger: def.key, id: record.id, rev: record.rev, record: payload })
      : await call('ledgers:create', { ledger: def.key, record: payload });
    setSaving(false);
    if (r.ok) {
      setProblem(null);
      void message.success(record ? '已保存修改' : `已新增${def.label}记录`);
      onSaved(r.data, !record);
      return;
    }
    const serverIssues = r.error.details?.issues;
    if (serverIssues?.length) {
      showIssues(serverIssues, true);
      const all = listIssues(serverIssues);
      setProblem({
        error: { ...r.error, message: `有 ${all.length} 处需要修正，已在下面标出：` },
        other: all,
      });
    } else setProblem({ error: r.error, other: [] });
  };

  const reload = async () => {
    if (!record) return;
    const r = await call('ledgers:get', { ledger: def.key, id: record.id });
    if (r.ok) onReloaded(r.data);
    else setProblem({ error: r.error, other: [] });
  };

  const close = () => {
    if (readOnly || !form.isFieldsTouched()) return onClose();
    modal.confirm({ title: '放弃未保存的修改？', okText: '放弃', cancelText: '继续编辑', onOk: onClose });
  };

  useHotkeys({ 'mod+s': () => void save() });

  const title = readOnly ? `查看${def.label}` : record ? `编辑${def.label}` : `新增${def.label}`;
  const groupName = (k: string) => allSettings.groups.find((g) => g.key === k)?.name ?? k;
  const readOnlyWhy = !user
    ? ''
    : user.role === 'readonly'
      ? '您的账户是只读账户，只能查看，不能修改。'
      : `这条记录属于“${groupName(record?.group ?? '')}”，您（${roleLabel(user.role)}）只能修改${
          user.groups.length ? `“${user.groups.map(groupName).join('、')}”` : '本人所在工作组'
        }的记录。`;
  return (
    <Drawer
      open
      title={
        readOnly ? (
          <Space>
            {title}
            <Tag icon={<LockOutlined />} data-testid="read-only-tag">
              只读
            </Tag>
          </Space>
        ) : (
          title
        )
      }
      size={680}
      onClose={close}
      destroyOnHidden
      rootClassName="record-drawer"
      footer={
        readOnly ? (
          <Button onClick={close}>关闭（Esc）</Button>
        ) : (
          <Space style={{ display: 'flex', justifyContent: 'space-between', width: '100%' }}>
            <Space>
              <Button type="primary" loading={saving} onClick={() => void save()}>
                保存（Ctrl+S）
              </Button>
              <Button onClick={close}>取消（Esc）</Button>
            </Space>
            {record && (
              <Popconfirm
                title="移到回收站？"
                description="可在回收站中恢复。"
                okText="删除"
                cancelText="取消"
                onConfirm={() => onDelete(record)}
              >
                <Button danger>删除</Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
    >
      {record && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="record-meta">
          录入：{record.createdBy || '—'} {formatStamp(record.createdAt)}
          {' · '}最后修改：{record.updatedBy || '—'} {formatStamp(record.updatedAt)}
        </Typography.Paragraph>
      )}
      {readOnly && (
        <Alert
          type="info"
          showIcon
          icon={<LockOutlined />}
          title="只读：您可以查看，但不能修改这条记录"
          description={readOnlyWhy || undefined}
          style={{ marginBottom: 16 }}
          data-testid="read-only-notice"
        />
      )}
      {problem && (
        <Alert
          type={problem.error.code === 'conflict' ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            problem.error.code === 'conflict' ? `保存冲突：${problem.error.message}` : problem.error.message
          }
          description={
            problem.other.length ? (
              <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="form-problem-list">
                {problem.other.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : problem.error.code === 'conflict' && record ? (
              '载入最新内容后，您在此处尚未保存的修改需要重新填写。'
            ) : undefined
          }
          action={
            problem.error.code === 'conflict' && record ? (
              <Button size="small" onClick={() => void reload()}>
                载入最新内容
              </Button>
            ) : undefined
          }
          data-testid="form-problem"
        />
      )}
      <Form
        form={form}
        name="record"
        layout="vertical"
        disabled={readOnly}
        initialValues={initial}
        onValuesChange={() => {
          if (!checked) return;
          const issues = validate(
            def,
            ctx,
            toPayload(def, form.getFieldsValue(true) as Record<string, unknown>),
          );
          showIssues(issues);
          // The list above the form follows the corrections; a server's other refusal stays until the next save.
          setProblem((p) => {
            if (p && p.error.code !== 'validation') return p;
            if (!issues.length) return null;
            const all = listIssues(issues);
            return {
              error: { code: 'validation', message: `有 ${all.length} 处需要修正，已在下面标出：` },
              other: all,
            };
          });
        }}
        onFinish={() => void save()}
      >
        {sections(def).map((s) => (
          <div key={s.title}>
            <Divider titlePlacement="start" plain style={{ marginTop: 4 }}>
              {s.title}
            </Divider>
            <Row gutter={16}>
              {s.fields.map((f) => (
                <Col key={f.key} span={isWide(f) ? 24 : 12}>
                  <FieldInput
                    field={f}
                    settings={settings}
                    linkOptions={f.linkTo ? linkOptions(f) : undefined}
                  />
                </Col>
              ))}
            </Row>
          </div>
        ))}
      </Form>
    </Drawer>
  );
}
