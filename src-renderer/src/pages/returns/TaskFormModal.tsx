// 新建 / 修改报送任务: name, the period the returns cover (with 上月 / 本月), the due date, which ledgers and which
// units. Checked with the contract's schema first, then the server's answer, each message at its field.
import { Alert, Button, Col, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { contract } from '../../../../src-main/shared/contract';
import type { ReturnTask } from '../../../../src-main/shared/contract/returns';
import { isValidDate } from '../../../../src-main/shared/dates';
import { ledgerList } from '../../../../src-main/shared/ledgers';
import type { LedgerKey } from '../../../../src-main/shared/ledgers/types';
import { call } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { useAppData } from '../../hooks/useAppData';
import { checkWith, showServerError } from '../../lib/formErrors';
import { periodOptions, periodText } from '../../../../src-main/shared/period';
import { canSeeLedger } from '../../lib/permissions';
import { defaultDue, defaultTaskName } from './returnStates';

interface Values {
  name: string;
  from?: string;
  to?: string;
  due?: string;
  ledgers: LedgerKey[];
  units: string[];
}

interface Props {
  /** The task being changed, or null for a new one. */
  task: ReturnTask | null;
  /** The newest task, whose ledgers and units a new one starts from (the office asks much the same each month). */
  previous?: ReturnTask;
  onClose: () => void;
  onSaved: (t: ReturnTask) => void;
}

const FIELDS: (keyof Values)[] = ['name', 'from', 'to', 'due', 'ledgers', 'units'];

/** The server names no field for some refusals (an unknown unit); its words tell which. */
function guessField(m: string): string | undefined {
  if (m.includes('单位')) return 'units';
  if (m.includes('台账')) return 'ledgers';
  if (m.includes('报送截止')) return 'due';
  if (m.includes('任务名称')) return 'name';
  return undefined;
}

export function TaskFormModal({ task, previous, onClose, onSaved }: Props) {
  const { info, settings, viewer } = useAppData();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const presets = useMemo(
    () => ['lastMonth', 'month'].map((k) => periodOptions(info.today, settings).find((o) => o.key === k)!),
    [info.today, settings],
  );

  const initial = useMemo<Values>(() => {
    if (task) return { ...task };
    // Units return a month's records once it has ended (导出 defaults to 上月 too); when 上月 has its task already,
    // the one being set up is for 本月.
    const last = presets.find((p) => p.key === 'lastMonth')!;
    const month = presets.find((p) => p.key === 'month')!;
    const p = previous && previous.from === last.from && previous.to === last.to ? month : last;
    return {
      name: defaultTaskName(p.from, p.to),
      from: p.from,
      to: p.to,
      due: defaultDue(p.to, info.today),
      ledgers: previous?.ledgers ?? [],
      units: previous?.units ?? settings.units.filter((u) => u.active).map((u) => u.id),
    };
  }, [task, previous, presets, settings.units, info.today]);

  const clearErrors = (names: (keyof Values)[]) =>
    form.setFields(names.map((name) => ({ name, errors: [] })));
  // The name follows the period while it is the one made from it; a name the office typed stays as typed.
  const autoName = useRef(initial.from && initial.to ? defaultTaskName(initial.from, initial.to) : '');
  const periodChanged = (from?: string, to?: string) => {
    if (!from || !to || !isValidDate(from) || !isValidDate(to) || from > to) return;
    const name = form.getFieldValue('name') as string | undefined;
    const next: Partial<Values> = {};
    if (!name?.trim() || name === autoName.current) {
      next.name = defaultTaskName(from, to);
      autoName.current = next.name;
    }
    // A due date before the period's end would be refused: move it along rather than leave a trap.
    const due = form.getFieldValue('due') as string | undefined;
    if (!due || !isValidDate(due) || due < to) next.due = defaultDue(to, info.today);
    form.setFieldsValue(next);
    clearErrors(Object.keys(next) as (keyof Values)[]);
  };
  const choosePreset = (from: string, to: string) => {
    form.setFieldsValue({ from, to });
    clearErrors(['from', 'to']);
    periodChanged(from, to);
  };
  const chooseUnits = (units: string[]) => {
    form.setFieldsValue({ units });
    clearErrors(['units']);
  };

  const unitOptions = useMemo(() => {
    const chosen = new Set(initial.units);
    const known = new Set(settings.units.map((u) => u.id));
    return [
      ...settings.units
        .filter((u) => u.active || chosen.has(u.id))
        .map((u) => ({ value: u.id, label: u.active ? u.name : `${u.name}（已停用）` })),
      // A unit deleted from 设置 since the task was made: shown so it can be taken out (the server refuses it).
      ...initial.units
        .filter((id) => !known.has(id))
        .map((id) => ({ value: id, label: `${id}（已从单位列表删除）` })),
    ];
  }, [settings.units, initial.units]);
  const activeUnits = useMemo(
    () => settings.units.filter((u) => u.active).map((u) => u.id),
    [settings.units],
  );
  const ledgerOptions = useMemo(
    () =>
      ledgerList()
        .filter((d) => canSeeLedger(viewer, d) || initial.ledgers.includes(d.key))
        .map((d) => ({ value: d.key, label: d.label })),
    [viewer, initial.ledgers],
  );

  const from = Form.useWatch('from', form);
  const to = Form.useWatch('to', form);
  const units = Form.useWatch('units', form) ?? initial.units;
  const validPeriod = !!from && !!to && isValidDate(from) && isValidDate(to) && from <= to;

  const submit = async () => {
    setProblem(null);
    clearErrors(FIELDS);
    const v = form.getFieldsValue(true) as Values;
    const args = checkWith(form, contract['returns:saveTask'].args, {
      ...(task ? { id: task.id } : {}),
      name: v.name ?? '',
      from: v.from ?? '',
      to: v.to ?? '',
      due: v.due ?? '',
      ledgers: v.ledgers ?? [],
      units: v.units ?? [],
    });
    if (!args) return;
    setBusy(true);
    const r = await call('returns:saveTask', args);
    setBusy(false);
    if (r.ok) return onSaved(r.data.task);
    setProblem(showServerError(form, r.error, guessField, FIELDS));
  };

  return (
    <Modal
      open
      title={task ? `修改报送任务：${task.name}` : '新建报送任务'}
      okText={task ? '保存' : '创建任务'}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      width={680}
      mask={{ closable: false }}
      rootClassName="return-task-modal"
      destroyOnHidden
    >
      {problem && (
        <Alert
          type="error"
          showIcon
          title={problem}
          style={{ marginBottom: 16 }}
          data-testid="return-task-error"
        />
      )}
      <Form
        form={form}
        name="returnTask"
        layout="vertical"
        requiredMark={false}
        initialValues={initial}
        onFinish={() => void submit()}
        onValuesChange={(changed: Partial<Values>, all: Values) => {
          // A message from the last 保存 goes once its field is changed (no rules here re-check it as one types).
          // The two dates of the period are checked together, so a change to either clears both.
          const keys = Object.keys(changed) as (keyof Values)[];
          clearErrors('from' in changed || 'to' in changed ? [...keys, 'from', 'to'] : keys);
          if ('from' in changed || 'to' in changed) periodChanged(all.from, all.to);
        }}
      >
        <Form.Item name="name" label="任务名称" extra="发给各单位的催报内容中使用这个名称">
          <Input autoFocus maxLength={60} placeholder="如 2026年11月报送" />
        </Form.Item>
        <Form.Item
          label="报送期间"
          extra={
            validPeriod
              ? `各单位报送${periodText(from, to)}的台账记录（按记录日期）`
              : '各单位报送这段时间内的台账记录（按记录日期）'
          }
        >
          <div style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Form.Item name="from" noStyle>
                <DateInput placeholder="起始日期" />
              </Form.Item>
            </div>
            <span aria-hidden>至</span>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Form.Item name="to" noStyle>
                <DateInput placeholder="截止日期" />
              </Form.Item>
            </div>
            <Space.Compact>
              {presets.map((p) => (
                <Button
                  key={p.key}
                  onClick={() => choosePreset(p.from, p.to)}
                  data-testid={`return-task-preset-${p.key}`}
                >
                  {p.label}
                </Button>
              ))}
            </Space.Compact>
          </div>
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="due" label="报送截止日期" extra="这一天之后仍未报送的单位显示为“逾期”">
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="ledgers" label="报送哪些台账">
          <Select
            mode="multiple"
            allowClear
            placeholder="选择各单位要报送的台账"
            options={ledgerOptions}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          name="units"
          label="报送单位"
          extra={
            <Space size={12}>
              <span data-testid="return-task-unit-count">已选 {units.length} 个单位</span>
              <Typography.Link onClick={() => chooseUnits(activeUnits)}>选择全部在用单位</Typography.Link>
              <Typography.Link onClick={() => chooseUnits([])}>清空</Typography.Link>
            </Space>
          }
        >
          <Select
            mode="multiple"
            allowClear
            placeholder="选择要报送的单位"
            options={unitOptions}
            showSearch={{ optionFilterProp: 'label' }}
            // Hundreds of units would push the buttons off the screen; the count above says how many.
            maxTagCount={24}
            maxTagPlaceholder={(omitted) => `另 ${omitted.length} 个`}
          />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
