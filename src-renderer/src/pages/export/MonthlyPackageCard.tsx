// 「生成月报」: the package a leader signs, in two clicks — the period (上月 unless chosen otherwise) and one button.
// Writes the report, the statistics workbook and the superior's default template into the output folder; an
// unfinished period is confirmed first; the result says where the files are and what to check before sending.
import { FileDoneOutlined, LoadingOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MonthlyPackage } from '../../../../src-main/shared/contract';
import type { AppError } from '../../../../src-main/shared/result';
import { call, isDesktop } from '../../api/client';
import { PeriodPicker } from '../../components/PeriodPicker';
import { ProblemList } from '../../components/ProblemList';
import { useAppData } from '../../hooks/useAppData';
import { useChannel } from '../../hooks/useChannel';
import { useConfirmIncomplete } from '../../hooks/useConfirmIncomplete';
import type { PeriodState } from '../../hooks/usePeriod';
import { nextOrder } from '../../lib/order';
import { isAdmin } from '../../lib/permissions';
import { periodText, wholeMonth } from '../../../../src-main/shared/period';
import { PackageResult } from './PackageResult';

interface Props {
  periodState: PeriodState;
  /** When the period's own text was last saved on this screen (nextOrder), to tell a package made before it. */
  notesSavedAt: { from: string; to: string; at: number } | null;
  onEditNotes: () => void;
}

export function MonthlyPackageCard({ periodState, notesSavedAt, onEditNotes }: Props) {
  const { settings, viewer } = useAppData();
  const confirmIncomplete = useConfirmIncomplete();
  const { from, to } = periodState.period;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [made, setMade] = useState<{ pkg: MonthlyPackage; at: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const templates = useChannel('excel:templates:list', {});
  const superior = templates.data?.templates.find((t) => t.isDefault);

  useEffect(() => {
    if (!window.location.hash.includes('focus=monthly')) return;
    window.history.replaceState(null, '', '#/export/report');
    button.current?.focus();
    button.current?.scrollIntoView({ block: 'center' });
  }, []);

  const generate = async (range: { from: string; to: string }, allowIncomplete = false) => {
    setBusy(true);
    setError(null);
    const month = wholeMonth(range.from, range.to);
    const r = await call('report:monthly', {
      ...(month ? { month } : { from: range.from, to: range.to }),
      ...(allowIncomplete ? { allowIncomplete } : {}),
      // The browser cannot reach the folder the files were written to: it gets the bytes to download.
      withData: !isDesktop(),
    });
    setBusy(false);
    if (!r.ok && r.error.code === 'needs_confirmation' && !allowIncomplete) {
      if (await confirmIncomplete(r.error)) await generate(range, true);
      return;
    }
    if (!r.ok) return setError(r.error);
    setMade({ pkg: r.data, at: nextOrder() });
  };

  // A package is shown with the period it was made for; another period chosen hides it until chosen again.
  const pkg = made && made.pkg.from === from && made.pkg.to === to ? made.pkg : undefined;
  const notesChanged =
    !!made &&
    !!notesSavedAt &&
    notesSavedAt.from === made.pkg.from &&
    notesSavedAt.to === made.pkg.to &&
    notesSavedAt.at > made.at;

  return (
    <Card
      data-testid="monthly-package"
      style={{ borderColor: '#e8b4b4', boxShadow: '0 1px 4px rgba(166,27,27,.08)' }}
      styles={{ header: { background: '#fdf3f3' } }}
      title={
        <Space>
          <FileDoneOutlined style={{ color: '#a61b1b' }} />
          <span>生成月报</span>
        </Space>
      }
      extra={<Typography.Text type="secondary">工作情况报告与统计表，一次生成</Typography.Text>}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space align="start" size={8} wrap>
          <Typography.Text style={{ lineHeight: '32px' }}>报告期间：</Typography.Text>
          <PeriodPicker state={periodState} monthPicker disabled={busy} />
        </Space>
        <Space size={16} align="center" wrap>
          <Button
            ref={button}
            type="primary"
            size="large"
            icon={<FileDoneOutlined />}
            loading={busy}
            onClick={() => void generate({ from, to })}
            data-testid="monthly-generate"
          >
            生成月报
          </Button>
          <Typography.Text type="secondary" data-testid="monthly-what">
            将生成“{periodText(from, to)}”的工作情况报告（Word）和统计表（Excel）
            {superior ? `，并填写上级模板“${superior.name}”` : ''}，保存到
            {settings.outputDir ? (
              <Typography.Text code>{settings.outputDir}</Typography.Text>
            ) : (
              '“文档”中的“教育整顿工作台”文件夹'
            )}
            {isAdmin(viewer) && (
              <>
                （<Typography.Link href="#/settings/report">更改</Typography.Link>）
              </>
            )}
            。
          </Typography.Text>
        </Space>
        {busy && (
          <Alert
            type="info"
            icon={<LoadingOutlined />}
            showIcon
            title="正在生成月报：计算各项数字，写出工作情况报告和统计表…"
            description="通常需要几秒钟，请稍候。"
            data-testid="monthly-busy"
          />
        )}
        {error && <ProblemList error={error} onClose={() => setError(null)} />}
        {pkg && !busy && (
          <PackageResult
            pkg={pkg}
            notesChanged={notesChanged}
            busy={busy}
            onRegenerate={() => void generate(pkg, pkg.warnings.some(isUnfinished))}
            onEditNotes={onEditNotes}
          />
        )}
      </Space>
    </Card>
  );
}

/** The server's warning for a period that ends after today: confirmed once already for this package. */
const isUnfinished = (w: string) => w.startsWith('所选期间');
