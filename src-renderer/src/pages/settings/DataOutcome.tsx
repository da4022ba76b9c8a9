// What the last action of 数据与备份 came to: a backup written (and where), a download handed to the browser, a restore
// and what it changed, or why nothing was done.
import { Alert } from 'antd';
import type { BackupResult, RestoreResult } from '../../../../src-main/shared/contract';
import type { AppError } from '../../../../src-main/shared/result';
import { formatBytes } from '../../lib/format';
import { RestoreDone } from './RestoreConfirm';

export type Outcome =
  | { kind: 'backup'; result: BackupResult }
  | { kind: 'download'; fileName: string }
  | { kind: 'restored'; result: RestoreResult }
  | { kind: 'error'; title: string; error: AppError };

export function OutcomeView({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const closable = { onClose };
  switch (outcome.kind) {
    case 'backup': {
      const r = outcome.result;
      return (
        <Alert
          type="success"
          showIcon
          closable={closable}
          data-testid="backup-result"
          title={r.external ? '已备份到所选文件夹，并已读回检查' : '已备份'}
          description={`${r.file}（${formatBytes(r.size)}）`}
        />
      );
    }
    case 'download':
      return (
        <Alert
          type="success"
          showIcon
          closable={closable}
          data-testid="backup-result"
          title={`已生成备份文件“${outcome.fileName}”`}
          description="浏览器会把它保存到您选择的位置（或“下载”文件夹），可以拷到 U 盘保存。"
        />
      );
    case 'restored':
      return <RestoreDone result={outcome.result} onClose={onClose} />;
    case 'error':
      return (
        <Alert
          type="error"
          showIcon
          closable={closable}
          data-testid="data-error"
          title={outcome.title}
          description={outcome.error.message}
        />
      );
  }
}
