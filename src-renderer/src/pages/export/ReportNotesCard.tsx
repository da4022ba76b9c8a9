// 本期文字: what the office writes in the report for the chosen period (工作亮点, 存在的问题, 下一步工作打算). Says
// where the text comes from — saved for this period, carried over from an earlier one, or the app's first draft —
// so carried-over text is never sent unnoticed. 保存 (Ctrl+S); the page asks before a period switch drops edits.
import { RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import type { GetRef } from 'antd';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { ReportNotes, ReportNotesInfo } from '../../../../src-main/shared/contract';
import type { AppError } from '../../../../src-main/shared/result';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { ProblemList } from '../../components/ProblemList';
import { useChannel } from '../../hooks/useChannel';
import { useHotkeys } from '../../hooks/useHotkeys';
import { shortStamp } from '../../lib/format';
import { periodText } from '../../../../src-main/shared/period';

const FIELDS: { key: keyof ReportNotes; label: string; required: boolean; hint: string; rows: number }[] = [
  {
    key: 'highlights',
    label: '工作亮点',
    required: false,
    hint: '可不填。写数字之外的典型做法、经验，每段一行。',
    rows: 2,
  },
  {
    key: 'problems',
    label: '存在的问题',
    required: true,
    hint: '每段一行。',
    rows: 3,
  },
  {
    key: 'nextSteps',
    label: '下一步工作打算',
    required: true,
    hint: '每条一行，以“（一）标题。”开头，如：（一）持续深化学习教育。正文……',
    rows: 4,
  },
];

interface Draft {
  /** "from|to" of the period the edits are for. */
  key: string;
  notes: ReportNotes;
}

const DRAFT_KEY = 'campaign-desk.notesDraft';

function readDraft(): Draft | null {
  try {
    return JSON.parse(sessionStorage.getItem(DRAFT_KEY) ?? 'null') as Draft | null;
  } catch {
    return null;
  }
}

function keepDraft(d: Draft | null) {
  try {
    if (d) sessionStorage.setItem(DRAFT_KEY, JSON.stringify(d));
    else sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // Storage refused: the draft still holds while this screen is open.
  }
}

const same = (a: ReportNotes, b: ReportNotes) =>
  a.highlights === b.highlights && a.problems === b.problems && a.nextSteps === b.nextSteps;

/** "10月" for a month of the same year as the period being edited, "2025年12月" otherwise. */
function sourceLabel(info: ReportNotesInfo): string {
  const p = info.sourcePeriod;
  if (!p) return '以前';
  const text = periodText(p.from, p.to);
  const year = `${Number(info.from.slice(0, 4))}年`;
  return text.startsWith(year) ? text.slice(year.length) : text;
}

function SourceNote({ info }: { info: ReportNotesInfo }) {
  if (info.source === 'saved') {
    const who = [info.updatedBy, info.updatedAt && shortStamp(info.updatedAt)].filter(Boolean).join('，');
    return (
      <Alert
        type="info"
        showIcon
        title={`本期已保存${who ? `（${who}）` : ''}`}
        data-testid="notes-source"
        data-source="saved"
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="notes-source"
      data-source={info.source}
      title={
        info.source === 'previous'
          ? `尚未填写本期内容，以下沿用${sourceLabel(info)}的内容，请修改后保存`
          : '以下为程序提供的初稿，请按本期实际修改后保存'
      }
      description="未保存时，本期报告也会用这些文字，但生成时会提醒“尚未填写”；修改并保存后即作为本期内容。"
    />
  );
}

export interface ReportNotesHandle {
  /** Scrolls the card into view and puts the cursor in the first box. */
  focus(): void;
  /** Drops the unsaved edits (the person chose to leave them). */
  discard(): void;
}

interface Props {
  from: string;
  to: string;
  canEdit: boolean;
  /** Ctrl+S only while this card's tab is the one shown. */
  active: boolean;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (info: ReportNotesInfo) => void;
}

export const ReportNotesCard = forwardRef<ReportNotesHandle, Props>(function ReportNotesCard(
  { from, to, canEdit, active, onDirtyChange, onSaved },
  ref,
) {
  const { message } = App.useApp();
  const key = `${from}|${to}`;
  const q = useChannel('report:notes:get', { from, to });
  // One draft, kept with the period it belongs to: switching back to that period, or to this screen from another
  // (the tab's session keeps it), finds it again.
  const [draft, setDraft] = useState<Draft | null>(readDraft);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [missing, setMissing] = useState<(keyof ReportNotes)[]>([]);
  const card = useRef<HTMLDivElement>(null);
  const first = useRef<GetRef<typeof Input.TextArea>>(null);

  const info = q.data;
  const notes = draft?.key === key ? draft.notes : info?.notes;
  const dirty = !!info && !!notes && !same(notes, info.notes);

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);
  useEffect(() => keepDraft(draft), [draft]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  useImperativeHandle(ref, () => ({
    focus() {
      card.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      first.current?.focus({ preventScroll: true });
    },
    discard() {
      setDraft(null);
      setMissing([]);
    },
  }));

  const edit = (k: keyof ReportNotes, v: string) => {
    if (!notes) return;
    setDraft({ key, notes: { ...notes, [k]: v } });
    if (missing.includes(k) && v.trim()) setMissing(missing.filter((m) => m !== k));
  };

  const save = async () => {
    if (!canEdit || !notes || saving) return;
    const empty = FIELDS.filter((f) => f.required && !notes[f.key].trim()).map((f) => f.key);
    setMissing(empty);
    if (empty.length) return;
    setSaving(true);
    setSaveError(null);
    const r = await call('report:notes:save', { from, to, notes });
    setSaving(false);
    if (!r.ok) return setSaveError(r.error);
    q.setData(() => r.data);
    setDraft(null);
    onSaved(r.data);
    void message.success(`已保存${periodText(from, to)}的本期文字`);
  };
  useHotkeys({ 'mod+s': () => void save() }, active && canEdit);

  const body = () => {
    if (q.error && !info) return <ErrorState title="本期文字加载失败" error={q.error} onRetry={q.refresh} />;
    if (!info || !notes) return <LoadingState tip="正在读取本期文字…" height={160} />;
    return (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <SourceNote info={info} />
        {saveError && <ProblemList error={saveError} onClose={() => setSaveError(null)} />}
        <Form layout="vertical" component={false} disabled={!canEdit}>
          {FIELDS.map((f, i) => (
            <Form.Item
              key={f.key}
              label={f.label}
              required={f.required}
              extra={f.hint}
              validateStatus={missing.includes(f.key) ? 'error' : undefined}
              help={missing.includes(f.key) ? `请填写${f.label}` : undefined}
              style={{ marginBottom: 12 }}
            >
              <Input.TextArea
                ref={i === 0 ? first : undefined}
                value={notes[f.key]}
                onChange={(e) => edit(f.key, e.target.value)}
                autoSize={{ minRows: f.rows, maxRows: 14 }}
                maxLength={20_000}
                placeholder={f.required ? undefined : '（可不填）'}
                data-testid={`notes-${f.key}`}
                aria-label={f.label}
              />
            </Form.Item>
          ))}
        </Form>
        {!canEdit && (
          <Typography.Text type="secondary">只读账户可以查看本期文字，修改请联系办公室。</Typography.Text>
        )}
      </Space>
    );
  };

  return (
    <div ref={card} id="report-notes" style={{ scrollMarginTop: 16 }}>
      <Card
        size="small"
        data-testid="report-notes"
        data-dirty={dirty ? 'true' : 'false'}
        title={
          <Space>
            <span>本期文字</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {periodText(from, to)}
            </Typography.Text>
            {dirty && <Tag color="orange">有未保存的修改</Tag>}
          </Space>
        }
        extra={
          canEdit &&
          info && (
            <Space>
              <Button
                size="small"
                icon={<RollbackOutlined />}
                disabled={!dirty}
                onClick={() => {
                  setDraft(null);
                  setMissing([]);
                }}
              >
                撤销修改
              </Button>
              <Button
                size="small"
                type="primary"
                icon={<SaveOutlined />}
                loading={saving}
                disabled={!dirty && info.source === 'saved'}
                onClick={() => void save()}
                data-testid="notes-save"
              >
                {info.source === 'saved' || dirty ? '保存（Ctrl+S）' : '确认并保存为本期内容'}
              </Button>
            </Space>
          )
        }
      >
        {body()}
      </Card>
    </div>
  );
});
