// Runs a slow "make a file" call with progress shown, then saves the file (dialog or download) and reports.
import { App } from 'antd';
import { useCallback, useState } from 'react';
import type { AppError, Result } from '../../../src-main/shared/result';
import { saveGeneratedFile } from '../api/files';
import type { GeneratedFile } from '../api/files';

export function useFileTask() {
  const { message, notification } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const run = useCallback(
    async (label: string, make: () => Promise<Result<GeneratedFile>>) => {
      setBusy(true);
      setError(null);
      const key = `file-${label}`;
      void message.open({ key, type: 'loading', content: `正在生成${label}…`, duration: 0 });
      const r = await make();
      if (!r.ok) {
        message.destroy(key);
        setBusy(false);
        setError(r.error);
        return;
      }
      const saved = await saveGeneratedFile(r.data);
      setBusy(false);
      if (!saved.ok) {
        message.destroy(key);
        setError(saved.error);
      } else if (saved.data) {
        message.destroy(key);
        const fonts = (r.data as { fonts?: string[] }).fonts;
        notification.success({
          title: `${label}已保存`,
          description: (
            <>
              <div>{saved.data.path}</div>
              {fonts?.length ? (
                <div style={{ color: '#888', marginTop: 4 }}>
                  文档使用字体：{fonts.join('、')}。如显示不正常，请在本机安装这些字体。
                </div>
              ) : null}
            </>
          ),
          duration: 6,
        });
      } else message.destroy(key);
    },
    [message, notification],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, clearError, run };
}
