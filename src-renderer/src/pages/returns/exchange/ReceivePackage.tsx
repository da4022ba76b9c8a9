// 接收报送包 (office): one unit's package, or a month's packages from many units chosen together. They are first
// checked without writing (the server's dry run) and what they would do shown; only then 确认合并 writes them, all
// together or none. Records both sides changed are merged only once the office has chosen whose copy stands.
// Refusals (tampered, unknown unit, newer program, records not the unit's) are the server's own words.
import { Alert, App, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { MergeReport } from '../../../../../src-main/shared/contract/exchange';
import type { AppError } from '../../../../../src-main/shared/result';
import { call } from '../../../api/client';
import { ProblemList } from '../../../components/ProblemList';
import { CheckResult } from './CheckResult';
import { PackageDropZone } from './PackageDropZone';
import { ReceiveDone } from './ReceiveDone';
import { reportsOf, totalsOf } from './mergeCounts';
import type { Side } from './mergeCounts';
import { readPackageFiles } from './packageFile';
import type { ChosenFile } from './packageFile';

const dryRun = (files: ChosenFile[]) =>
  call('exchange:receiveMany', { files: files.map((f) => f.dataBase64), dryRun: true });

/**
 * A set refused as "not a 报送包" does not say which file: each is checked alone (only then) to name the first that
 * is not one. Refusals of a package's contents name its unit already.
 */
async function notAPackage(files: ChosenFile[]): Promise<string | null> {
  for (const f of files) {
    const r = await dryRun([f]);
    if (!r.ok && r.error.code === 'bad_file') return f.fileName;
  }
  return null;
}

/** A refusal of several packages: the server's words, and that none of them was merged. */
function Refused({ error, count, onClose }: { error: AppError; count: number; onClose: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title={error.message}
      description={`选择的 ${count} 个报送包都没有合并：一起接收的报送包要么全部合并，要么都不合并。${
        error.code === 'conflict' ? '' : '请去掉或更换有问题的文件后重新选择。'
      }`}
      closable={{ onClose }}
      data-testid="problem-list"
    />
  );
}

export function ReceivePackage({
  canReceive,
  nothingIssued,
}: {
  canReceive: boolean;
  nothingIssued: boolean;
}) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [reports, setReports] = useState<MergeReport[] | null>(null);
  // Bumped with each new check, so the folded packages open afresh on the ones with conflicts.
  const [checked, setChecked] = useState(0);
  const [side, setSide] = useState<Side | undefined>();
  const [working, setWorking] = useState<'check' | 'merge' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<MergeReport[] | null>(null);
  // What the last step brought (the check, a refusal, the result) is scrolled to: it appears below the drop zone,
  // or replaces a long report whose 确认合并 was far down the page.
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    outcome.current?.scrollIntoView({ block: 'nearest' });
  }, [reports, error, done]);

  const showReports = (list: MergeReport[]) => {
    setReports(list);
    setChecked((n) => n + 1);
  };

  const reset = () => {
    setFiles([]);
    setReports(null);
    setSide(undefined);
    setError(null);
    setDone(null);
  };

  const check = async (chosen: ChosenFile[]) => {
    setWorking('check');
    const r = await dryRun(chosen);
    if (r.ok) {
      setWorking(null);
      return showReports(r.data.reports);
    }
    const culprit = chosen.length > 1 && r.error.code === 'bad_file' ? await notAPackage(chosen) : null;
    setWorking(null);
    setError(culprit ? { ...r.error, message: `“${culprit}”：${r.error.message}` } : r.error);
  };

  const choose = async (raw: File[]) => {
    reset();
    const read = await readPackageFiles(raw, '报送包');
    if (!read.ok) return setError(read.error);
    setFiles(read.files);
    await check(read.files);
  };

  const merge = async () => {
    if (!files.length || !reports) return;
    setWorking('merge');
    setError(null);
    const r = await call('exchange:receiveMany', {
      files: files.map((f) => f.dataBase64),
      ...(totalsOf(reports).conflicts ? { conflicts: side } : {}),
    });
    setWorking(null);
    if (r.ok) {
      const merged = r.data.reports;
      setDone(merged);
      void message.success(
        merged.length > 1 ? `已合并 ${merged.length} 个报送包` : `已合并${merged[0].unit.name}的报送包`,
      );
      return;
    }
    setError(r.error);
    // Records changed here meanwhile: the check is out of date, so show the one the refusal came with (or check
    // again) and have the side chosen again for the list as it is now.
    const fresh = reportsOf(r.error);
    if (fresh) {
      showReports(fresh);
      setSide(undefined);
    } else if (r.error.code === 'conflict') {
      setSide(undefined);
      await check(files);
    }
  };

  if (done) {
    return (
      <div ref={outcome} style={{ scrollMargin: 16 }}>
        <ReceiveDone reports={done} side={side} onNext={reset} />
      </div>
    );
  }

  if (!canReceive)
    return <Alert type="info" showIcon title="只读账户不能接收报送包，请由可修改数据的同事接收。" />;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {nothingIssued && (
        <Alert
          type="info"
          showIcon
          title="还没有为任何单位签发单位配置包：只有签发过配置包的单位生成的报送包才能接收，请先在下面签发。"
        />
      )}
      <Spin
        spinning={!!working}
        tip={
          working === 'merge'
            ? '正在备份并合并，请稍候…'
            : `正在检查${files.length > 1 ? ` ${files.length} 个` : ''}报送包（签名、单位和每条记录）…`
        }
      >
        <PackageDropZone files={files} disabled={!!working} onChoose={(raw) => void choose(raw)} />
      </Spin>
      {(error || reports) && (
        <div ref={outcome} style={{ display: 'flex', flexDirection: 'column', gap: 12, scrollMargin: 16 }}>
          {error &&
            (files.length > 1 ? (
              <Refused error={error} count={files.length} onClose={() => setError(null)} />
            ) : (
              <ProblemList error={error} onClose={() => setError(null)} />
            ))}
          {reports && (
            <CheckResult
              key={checked}
              reports={reports}
              fileNames={files.map((f) => f.fileName)}
              side={side}
              onSide={setSide}
              working={!!working}
              merging={working === 'merge'}
              onMerge={() => void merge()}
              onCancel={reset}
            />
          )}
        </div>
      )}
    </Space>
  );
}
