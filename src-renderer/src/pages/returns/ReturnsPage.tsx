// 报送情况: the office's 报送任务 (which units return which ledgers for a period, by when), and for the one chosen who
// has reported, who has not and who is late, with the 催报 text to send. Returns are recorded by the import, so
// this screen only reads them; setting tasks up is for users who may change data. Units that run this program
// themselves send 报送包 instead, handled on the second tab (exchange/).
import { DeleteOutlined, EditOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Select, Space, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { ReturnTask } from '../../../../src-main/shared/contract/returns';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';
import { useHotkeys } from '../../hooks/useHotkeys';
import { useLocalStorageState } from '../../hooks/useLocalStorageState';
import { canWriteAnything } from '../../lib/permissions';
import { ExchangePanel } from './exchange/ExchangePanel';
import { ReminderBox } from './ReminderBox';
import { ReturnsTable } from './ReturnsTable';
import { StatusSummary } from './StatusSummary';
import { TaskFormModal } from './TaskFormModal';
import { taskLabel } from './returnStates';

/** As 'returns:tasks' answers them: the period the office is chasing now at the top. */
function newestFirst(tasks: ReturnTask[]): ReturnTask[] {
  return [...tasks].sort((a, b) => (a.to < b.to ? 1 : a.to > b.to ? -1 : 0));
}

const WHAT_IT_IS = '设置各单位本期要报送哪些台账、何时截止，导入各单位报来的表格后，这里显示谁已报、谁未报。';

export function ReturnsPage() {
  const [tab, setTab] = useLocalStorageState<string>('campaign-desk.returnsTab', 'tasks');
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        报送情况
      </Typography.Title>
      <Tabs
        activeKey={tab === 'packages' ? 'packages' : 'tasks'}
        onChange={setTab}
        items={[
          // Unmounted while hidden, so its Ctrl+N does not open the task form over the other tab.
          { key: 'tasks', label: '报送任务', children: <ReturnTasks />, destroyOnHidden: true },
          { key: 'packages', label: '报送包（下级单位使用本软件时）', children: <ExchangePanel /> },
        ]}
        data-testid="returns-tabs"
      />
    </div>
  );
}

function ReturnTasks() {
  const { viewer } = useAppData();
  const { message, modal } = App.useApp();
  const canWrite = canWriteAnything(viewer);
  const list = useChannel('returns:tasks', {});
  const tasks = list.data?.tasks ?? [];
  // The task last looked at stays chosen on return to the screen; the newest one otherwise (or once it is gone).
  const [chosen, setChosen] = useLocalStorageState<string | null>('campaign-desk.returnTask', null);
  const task = tasks.find((t) => t.id === chosen) ?? tasks[0];
  const status = useChannel('returns:status', task ? { taskId: task.id } : null);
  const [editing, setEditing] = useState<ReturnTask | 'new' | null>(null);
  useHotkeys({ 'mod+n': () => canWrite && setEditing('new') }, editing === null);

  const reload = () => {
    list.refresh();
    status.refresh();
  };

  const remove = (t: ReturnTask) => {
    modal.confirm({
      title: `删除报送任务“${t.name}”？`,
      content: '该任务及各单位的报送记录一并删除；已经导入台账的记录不受影响。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      autoFocusButton: 'cancel',
      onOk: async () => {
        const r = await call('returns:removeTask', { id: t.id });
        if (!r.ok) return void message.error(r.error.message);
        setChosen(null);
        list.setData((old) => old && { tasks: old.tasks.filter((x) => x.id !== t.id) });
        void message.success(`已删除报送任务“${t.name}”`);
      },
    });
  };

  if (list.error && !list.data)
    return <ErrorState title="报送任务加载失败" error={list.error} onRetry={list.refresh} />;
  if (!list.data) return <LoadingState />;

  const newButton = canWrite && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setEditing('new')}
      title="快捷键 Ctrl+N"
      data-testid="returns-new"
    >
      新建报送任务
    </Button>
  );

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="returns-page">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        {task && (
          <Select
            value={task.id}
            onChange={setChosen}
            options={tasks.map((t) => ({ value: t.id, label: taskLabel(t) }))}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 380 }}
            aria-label="报送任务"
            data-testid="returns-task"
          />
        )}
        <div style={{ flex: 1 }} />
        <Space wrap>
          <Tooltip title="重新载入">
            <Button
              icon={<ReloadOutlined />}
              aria-label="重新载入"
              onClick={reload}
              loading={(list.loading && !!list.data) || (status.loading && !!status.data)}
            />
          </Tooltip>
          {canWrite && task && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(task)} data-testid="returns-edit">
                修改
              </Button>
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={() => remove(task)}
                data-testid="returns-remove"
              >
                删除
              </Button>
            </>
          )}
          {task && newButton}
        </Space>
      </div>

      {!task ? (
        <Empty
          style={{ marginTop: 48 }}
          description={
            <Space orientation="vertical" size={4}>
              <Typography.Text strong>还没有报送任务</Typography.Text>
              <Typography.Text type="secondary">{WHAT_IT_IS}</Typography.Text>
              {!canWrite && (
                <Typography.Text type="secondary">报送任务由可修改数据的同事新建。</Typography.Text>
              )}
            </Space>
          }
          data-testid="returns-empty"
        >
          {newButton}
        </Empty>
      ) : status.error && !status.data ? (
        <ErrorState title="报送情况加载失败" error={status.error} onRetry={reload} />
      ) : !status.data ? (
        <LoadingState tip="正在统计报送情况…" />
      ) : (
        <>
          {status.error && (
            <Alert
              type="error"
              showIcon
              title={`报送情况刷新失败：${status.error.message}`}
              action={
                <Button size="small" onClick={reload}>
                  重试
                </Button>
              }
            />
          )}
          <StatusSummary status={status.data} />
          <ReminderBox reminder={status.data.reminder} />
          <ReturnsTable status={status.data} loading={status.loading} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            单位报来的表格在“导入”中按本任务和单位导入后，这里即显示为已报；鼠标移到“已报”上可查看导入的文件和条数。
          </Typography.Text>
        </>
      )}

      {editing && (
        <TaskFormModal
          task={editing === 'new' ? null : editing}
          previous={tasks[0]}
          onClose={() => setEditing(null)}
          onSaved={(t) => {
            setEditing(null);
            setChosen(t.id);
            // Shown at once in the picker (and its status asked for), without waiting for the list to come back.
            list.setData(
              (old) => old && { tasks: newestFirst([...old.tasks.filter((x) => x.id !== t.id), t]) },
            );
            status.refresh();
            void message.success(editing === 'new' ? `已新建报送任务“${t.name}”` : '报送任务已保存');
          }}
        />
      )}
    </Space>
  );
}
