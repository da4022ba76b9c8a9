// 操作日志 (administrator): who did what, when, through which door, newest first, filtered by date, user, action and
// free text; each line's before / after on expanding it; the hash-chain check ('audit:verify') as a status bar;
// the filtered lines to Excel ('audit:export').
import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  FileExcelOutlined,
  ReloadOutlined,
  SafetyOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import {
  Alert,
  AutoComplete,
  Button,
  DatePicker,
  Empty,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { InputRef } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useRef, useState } from 'react';
import { AUDIT_ACTIONS } from '../../../../src-main/shared/contract';
import type { AuditRow } from '../../../../src-main/shared/contract';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { ProblemList } from '../../components/ProblemList';
import { useChannel } from '../../hooks/useChannel';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useFileTask } from '../../hooks/useFileTask';
import { useHotkeys } from '../../hooks/useHotkeys';
import { AuditChange } from './AuditChange';

export const DOOR_LABELS: Record<string, string> = {
  ipc: '桌面版',
  http: '网页版',
  cli: '命令行',
  internal: '程序内部',
};

const ACTION_COLORS: Record<string, string> = {
  登录: 'cyan',
  退出登录: 'default',
  会话过期: 'default',
  登录失败: 'red',
  登录锁定: 'red',
  新增: 'green',
  修改: 'blue',
  删除: 'orange',
  彻底删除: 'red',
  恢复: 'geekblue',
  导入: 'purple',
  导出: 'purple',
  修改设置: 'gold',
};

interface Filters {
  from?: string;
  to?: string;
  user: string;
  action?: string;
  text: string;
}

const EMPTY: Filters = { user: '', text: '' };

/** ISO → "2026-05-10 14:03:22", local time, seconds included: the log is read line by line. */
function stamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function VerifyBar() {
  const v = useChannel('audit:verify', {});
  const recheck = (
    <Button size="small" icon={<ReloadOutlined />} onClick={v.refresh} loading={v.loading}>
      重新校验
    </Button>
  );
  if (v.error && !v.data)
    return (
      <Alert
        type="error"
        showIcon
        title={`无法校验操作日志：${v.error.message}`}
        action={recheck}
        data-testid="audit-status"
      />
    );
  if (!v.data)
    return (
      <Alert
        type="info"
        showIcon
        icon={<SafetyOutlined />}
        title="正在校验操作日志的完整性…"
        data-testid="audit-status"
      />
    );
  if (v.data.ok)
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title={`日志完整：共 ${v.data.lines} 行，逐行校验未发现修改、删除或插入`}
        action={recheck}
        data-testid="audit-status"
        data-ok="true"
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      icon={<CloseCircleOutlined />}
      title={`日志校验发现 ${v.data.problems.length} 处问题（共 ${v.data.lines} 行）：日志文件可能被人改动过`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {v.data.problems.slice(0, 20).map((p) => (
            <li key={p}>{p}</li>
          ))}
          {v.data.problems.length > 20 && <li>……另有 {v.data.problems.length - 20} 处</li>}
        </ul>
      }
      action={recheck}
      data-testid="audit-status"
      data-ok="false"
    />
  );
}

export function AuditPage() {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const textRef = useRef<InputRef>(null);
  const task = useFileTask();
  const users = useChannel('users:list', {});
  useHotkeys({ '/': () => textRef.current?.focus() });

  const user = useDebouncedValue(filters.user.trim(), 300);
  const text = useDebouncedValue(filters.text.trim(), 300);
  const query = useMemo(
    () => ({
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
      ...(user ? { user } : {}),
      ...(filters.action ? { action: filters.action } : {}),
      ...(text ? { text } : {}),
    }),
    [filters.from, filters.to, filters.action, user, text],
  );
  const list = useChannel('audit:list', { ...query, page, pageSize });
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const filtered = Object.keys(query).length > 0;

  const userOptions = useMemo(() => {
    const names = new Set<string>((users.data?.users ?? []).map((u) => u.username));
    names.add('本机用户');
    const q = filters.user.trim().toLowerCase();
    return [...names].filter((n) => !q || n.toLowerCase().includes(q)).map((n) => ({ value: n }));
  }, [users.data, filters.user]);

  if (list.error?.code === 'forbidden')
    return <ErrorState status="403" title="无权查看操作日志" error={list.error} />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="audit-page">
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space align="baseline">
          <Typography.Title level={4} style={{ margin: 0 }}>
            操作日志
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="audit-count">
            {list.data ? `${filtered ? '筛选出' : '共'} ${list.data.total} 条` : ''}
          </Typography.Text>
        </Space>
        <Space>
          <Tooltip title="重新载入">
            <Button icon={<ReloadOutlined />} onClick={list.refresh} loading={list.loading && !!list.data} />
          </Tooltip>
          <Button
            icon={<FileExcelOutlined />}
            loading={task.busy}
            onClick={() => void task.run('操作日志', () => call('audit:export', query))}
          >
            {filtered ? '导出筛选结果（Excel）' : '导出 Excel'}
          </Button>
        </Space>
      </Space>
      <VerifyBar />
      {task.error && <ProblemList error={task.error} onClose={task.clearError} />}
      <Space wrap size={8} data-testid="audit-filters">
        <DatePicker.RangePicker
          style={{ width: 250 }}
          placeholder={['起始日期', '截止日期']}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
          data-testid="audit-dates"
        />
        <AutoComplete
          style={{ width: 160 }}
          options={userOptions}
          value={filters.user}
          onChange={(v: string) => set({ user: v ?? '' })}
          placeholder="用户"
          allowClear
          data-testid="audit-user"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 150 }}
          placeholder="操作"
          value={filters.action}
          onChange={(v?: string) => set({ action: v })}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))}
          data-testid="audit-action"
        />
        <Input
          ref={textRef}
          allowClear
          prefix={<SearchOutlined />}
          style={{ width: 300 }}
          placeholder="搜索说明、对象、编号（按 / 键）"
          value={filters.text}
          onChange={(e) => set({ text: e.target.value })}
          data-testid="audit-text"
        />
        {(filtered || filters.user || filters.text) && (
          <Button type="link" onClick={() => set(EMPTY)}>
            清除筛选
          </Button>
        )}
      </Space>
      {list.error && !list.data && (
        <ErrorState title="操作日志加载失败" error={list.error} onRetry={list.refresh} />
      )}
      {(!list.error || list.data) && (
        <Table<AuditRow>
          size="small"
          rowKey="seq"
          loading={list.loading}
          dataSource={list.data?.rows ?? []}
          data-testid="audit-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => {
              setPage(s !== pageSize ? 1 : p);
              setPageSize(s);
            },
          }}
          locale={{
            emptyText: list.loading ? (
              ' '
            ) : (
              <Empty description={filtered ? '没有符合筛选条件的日志' : '还没有操作日志'}>
                {filtered && <Button onClick={() => set(EMPTY)}>清除筛选</Button>}
              </Empty>
            ),
          }}
          expandable={{
            rowExpandable: (r) => r.before !== undefined || r.after !== undefined,
            expandedRowRender: (r) => <AuditChange row={r} />,
          }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => stamp(v) },
            { title: '用户', dataIndex: 'user', width: 110, ellipsis: true },
            {
              title: '途径',
              dataIndex: 'door',
              width: 76,
              render: (d: string) => DOOR_LABELS[d] ?? d,
            },
            {
              title: '操作',
              dataIndex: 'action',
              width: 110,
              render: (a: string) => <Tag color={ACTION_COLORS[a] ?? 'default'}>{a}</Tag>,
            },
            { title: '对象', dataIndex: 'targetLabel', width: 100 },
            {
              title: '记录编号',
              dataIndex: 'recordId',
              width: 150,
              ellipsis: { showTitle: true },
              render: (v?: string) =>
                v ? (
                  <Typography.Text
                    copyable={{ text: v, tooltips: ['复制编号', '已复制'] }}
                    style={{ fontSize: 12 }}
                  >
                    {v.length > 12 ? `${v.slice(0, 8)}…` : v}
                  </Typography.Text>
                ) : (
                  ''
                ),
            },
            {
              title: '说明',
              dataIndex: 'detail',
              ellipsis: { showTitle: true },
              render: (v?: string) => v ?? '',
            },
          ]}
        />
      )}
    </Space>
  );
}
