// One log line's before / after, field by field: changed fields first and marked, with ledger field labels and
// group / unit names where the target is a ledger. Values arrive already masked where confidential.
import { Checkbox, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { LEDGERS } from '../../../../src-main/shared/ledgers';
import { COMMON_FIELD_LABELS } from '../../../../src-main/shared/ledgers/types';
import type { FieldDef, LedgerKey } from '../../../../src-main/shared/ledgers/types';
import type { AuditRow } from '../../../../src-main/shared/contract';
import { useAppData } from '../../hooks/useAppData';
import { formatStamp } from '../../lib/format';
import { fieldText, makeLookups, str } from '../../lib/ledgerView';
import { roleLabel } from '../../lib/permissions';

const OTHER_LABELS: Record<string, string> = {
  id: '编号',
  rev: '版本',
  deletedAt: '删除时间',
  deletedBy: '删除人',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  groups: '工作组',
  disabled: '已停用',
  commissionName: '纪委监委名称',
  campaignName: '教育整顿名称',
  officeName: '领导小组办公室名称',
  campaignStart: '开始日期',
  campaignEnd: '结束日期',
  phases: '环节',
  leadingGroup: '领导小组',
  units: '单位',
  choiceLists: '选项列表',
  fourForms: '四种形态',
  lockMinutes: '自动锁屏分钟数',
  docFormat: '公文格式',
  bulletinName: '简报名称',
  choiceMeanings: '选项的统计含义（改名记录）',
  report: '报告信息',
  outputDir: '输出文件夹',
  highlights: '工作亮点',
  problems: '存在的问题',
  nextSteps: '下一步工作打算',
  setupDone: '首次设置完成',
};

interface Line {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

function asObject(v: unknown): Record<string, unknown> | null {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

export function AuditChange({ row }: { row: AuditRow }) {
  const { settings } = useAppData();
  const [all, setAll] = useState(false);
  const lookups = useMemo(() => makeLookups(settings), [settings]);
  const def = Object.prototype.hasOwnProperty.call(LEDGERS, row.target)
    ? LEDGERS[row.target as LedgerKey]
    : undefined;

  const lines = useMemo<Line[]>(() => {
    const before = asObject(row.before);
    const after = asObject(row.after);
    if (!before && !after) return [];
    const fields = new Map<string, Pick<FieldDef, 'type' | 'linkTo'> & { label?: string }>();
    fields.set('group', { type: 'group', label: COMMON_FIELD_LABELS.group });
    fields.set('unit', { type: 'unit', label: COMMON_FIELD_LABELS.unit });
    for (const f of def?.fields ?? []) fields.set(f.key, f);
    const text = (k: string, v: unknown): string => {
      if (v === undefined || v === null || v === '') return '';
      if (k === 'role' && typeof v === 'string') return roleLabel(v as never);
      if (k.endsWith('At') && typeof v === 'string') return formatStamp(v);
      if (k === 'groups' && Array.isArray(v)) return v.map((g) => lookups.groupName(str(g))).join('、');
      const f = fields.get(k);
      if (f && def) return fieldText(f, v, lookups);
      if (typeof v === 'boolean') return v ? '是' : '否';
      if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.map(str).join('、');
      return str(v);
    };
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    const out = keys.map((k) => {
      const b = text(k, before?.[k]);
      const a = text(k, after?.[k]);
      const label =
        (k === 'date' ? def?.dateLabel : undefined) ??
        fields.get(k)?.label ??
        def?.fields.find((f) => f.key === k)?.label ??
        (COMMON_FIELD_LABELS as Record<string, string>)[k] ??
        OTHER_LABELS[k] ??
        k;
      return { key: k, label, before: b, after: a, changed: !!before && !!after && b !== a };
    });
    return out.sort((x, y) => Number(y.changed) - Number(x.changed));
  }, [row, def, lookups]);

  if (!lines.length)
    return <Typography.Text type="secondary">这条记录没有保存修改前后的内容。</Typography.Text>;
  const both = row.before !== undefined && row.after !== undefined;
  const changed = lines.filter((l) => l.changed).length;
  const shown = both && !all && changed ? lines.filter((l) => l.changed) : lines;
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }} data-testid="audit-change">
      {both && changed > 0 && (
        <Space>
          <Typography.Text type="secondary">修改了 {changed} 项</Typography.Text>
          <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
            显示全部字段
          </Checkbox>
        </Space>
      )}
      <Table<Line>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={shown}
        style={{ maxWidth: 960 }}
        columns={[
          { title: '字段', dataIndex: 'label', width: 160 },
          ...(row.before !== undefined
            ? [
                {
                  title: '修改前',
                  dataIndex: 'before',
                  render: (v: string, l: Line) => (
                    <span
                      style={
                        l.changed ? { background: '#fff1f0', textDecoration: 'line-through' } : undefined
                      }
                    >
                      {v || <Typography.Text type="secondary">（空）</Typography.Text>}
                    </span>
                  ),
                },
              ]
            : []),
          ...(row.after !== undefined
            ? [
                {
                  title: row.before !== undefined ? '修改后' : '内容',
                  dataIndex: 'after',
                  render: (v: string, l: Line) => (
                    <span style={l.changed ? { background: '#f6ffed', fontWeight: 500 } : undefined}>
                      {v || <Typography.Text type="secondary">（空）</Typography.Text>}
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Space>
  );
}
