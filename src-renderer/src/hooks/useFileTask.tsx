// Runs a slow "make a file" call with progress shown, then saves the file (dialog or download) and reports. A period
// that has not ended is confirmed first (the call is made again with allowIncomplete); what the file's maker asks
// the office to check before sending it is kept as `warning`, for the page to show until closed (a notification
// that never went away would cover every screen's toolbar).
import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { AppError, Result } from '../../../src-main/shared/result';
import { saveGeneratedFile } from '../api/files';
import type { GeneratedFile } from '../api/files';
import { useConfirmIncomplete } from './useConfirmIncomplete';

interface MadeFile extends GeneratedFile {
  fonts?: string[];
  warnings?: string[];
}

/** `make(true)` is the same call with allowIncomplete: true, after the person confirmed an unfinished period. */
export type MakeFile = (allowIncomplete: boolean) => Promise<Result<MadeFile>>;

export function useFileTask() {
  const { message, notification } = App.useApp();
  const confirmIncomplete = useConfirmIncomplete();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [warning, setWarning] = useState<FileWarning | null>(null);

  const run = useCallback(
    async (label: string, make: MakeFile) => {
      setBusy(true);
      setError(null);
      setWarning(null);
      const key = `file-${label}`;
      const loading = () =>
        void message.open({ key, type: 'loading', content: `正在生成${label}…`, duration: 0 });
      loading();
      let r = await make(false);
      if (!r.ok && r.error.code === 'needs_confirmation') {
        message.destroy(key);
        if (!(await confirmIncomplete(r.error))) {
          setBusy(false);
          return;
        }
        loading();
        r = await make(true);
      }
      if (!r.ok) {
        message.destroy(key);
        setBusy(false);
        setError(r.error);
        return;
      }
      const saved = await saveGeneratedFile(r.data);
      setBusy(false);
      message.destroy(key);
      if (!saved.ok) {
        setError(saved.error);
        return;
      }
      if (!saved.data) return;
      const { fonts, warnings } = r.data;
      if (warnings?.length) {
        setWarning({
          message: `${label}已保存，报送前请注意以下${warnings.length}项：`,
          details: { problems: warnings },
        });
      }
      notification.success({
        title: `${label}已保存`,
        description: (
          <>
            <div>{saved.data.path}</div>
            {warnings?.length ? (
              <div style={{ color: '#d48806', marginTop: 4 }}>
                有{warnings.length}项需要注意，见页面上的提示。
              </div>
            ) : null}
            {fonts?.length ? (
              <div style={{ color: '#888', marginTop: 4 }}>
                文档使用字体：{fonts.join('、')}。如显示不正常，请在本机安装这些字体。
              </div>
            ) : null}
          </>
        ),
        duration: 6,
      });
    },
    [message, notification, confirmIncomplete],
  );
  const clearError = useCallback(() => setError(null), []);
  const clearWarning = useCallback(() => setWarning(null), []);
  return { busy, error, clearError, warning, clearWarning, run };
}

/** What to check in a file just saved, in the shape ProblemList shows (its `warning` form). */
export interface FileWarning {
  message: string;
  details: { problems: string[] };
}
