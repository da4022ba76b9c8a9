// Runs a slow "make a file" call with progress shown, then saves the file (dialog or download) and reports. A period
// that has not ended is confirmed first (the call is made again with allowIncomplete); what the file's maker asks
// the office to check before sending it is kept as `warning`, for the page to show until closed (a notification
// that never went away would cover every screen's toolbar). Whatever happens — a file WPS holds open, a full disk,
// the service gone — the busy state ends and the reason is kept as `error`; on the desktop the saved file can be
// opened or shown in its folder from the notification.
import { FileOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useCallback, useState } from 'react';
import type { AppError, Result } from '../../../src-main/shared/result';
import { isDesktop } from '../api/client';
import { openInSystem, saveGeneratedFile, showInFolder } from '../api/files';
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

  const open = useCallback(
    async (act: Promise<Result<null>>) => {
      const r = await act;
      if (!r.ok) void message.error({ content: r.error.message, duration: 8 });
    },
    [message],
  );

  const run = useCallback(
    async (label: string, make: MakeFile) => {
      setBusy(true);
      setError(null);
      setWarning(null);
      const key = `file-${label}`;
      const loading = () =>
        void message.open({ key, type: 'loading', content: `正在生成${label}…`, duration: 0 });
      let r: Result<MadeFile>;
      let saved: Result<{ path: string } | null>;
      try {
        loading();
        r = await make(false);
        if (!r.ok && r.error.code === 'needs_confirmation') {
          message.destroy(key);
          if (!(await confirmIncomplete(r.error))) return;
          loading();
          r = await make(true);
        }
        if (!r.ok) {
          setError(r.error);
          return;
        }
        message.open({ key, type: 'loading', content: `正在保存${label}…`, duration: 0 });
        saved = await saveGeneratedFile(r.data);
      } catch {
        // Neither step throws by design; should one, the page still says so and stops waiting.
        setError({ code: 'internal', message: `${label}没有生成或保存：操作中断。请重试。` });
        return;
      } finally {
        setBusy(false);
        message.destroy(key);
      }
      if (!saved.ok) {
        setError(saved.error);
        return;
      }
      if (!saved.data) return;
      const path = saved.data.path;
      const { fonts, warnings } = r.data;
      if (warnings?.length) {
        setWarning({
          message: `${label}已保存，报送前请注意以下${warnings.length}项：`,
          details: { problems: warnings },
        });
      }
      notification.success({
        key,
        title: `${label}已保存`,
        description: (
          <>
            <div style={{ wordBreak: 'break-all' }} data-testid="saved-path">
              {path}
            </div>
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
        actions: isDesktop() ? (
          <Space>
            <Button size="small" icon={<FileOutlined />} onClick={() => void open(openInSystem(path))}>
              打开文件
            </Button>
            <Button size="small" icon={<FolderOpenOutlined />} onClick={() => void open(showInFolder(path))}>
              在文件夹中显示
            </Button>
          </Space>
        ) : undefined,
        duration: isDesktop() ? 10 : 6,
      });
    },
    [message, notification, confirmIncomplete, open],
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
