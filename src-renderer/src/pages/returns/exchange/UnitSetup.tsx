// 把本机设为填报单位 (administrator): an installation at a unit becomes the unit a 单位配置包 names, and from then on
// writes 报送包 for the office instead of receiving them. Also how a 填报单位 takes the new configuration the office
// re-issued. Confirmed first, naming the unit when the file says (the server reads it and is the judge).
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { AppError } from '../../../../../src-main/shared/result';
import { call } from '../../../api/client';
import { ProblemList } from '../../../components/ProblemList';
import { readPackageFile } from './packageFile';
import type { ChosenFile } from './packageFile';

/** Who the file says it configures, for the confirmation only; null when it cannot tell (the server will say why). */
function namesIn(file: ChosenFile): { unit: string; office: string } | null {
  try {
    const bytes = Uint8Array.from(atob(file.dataBase64), (c) => c.charCodeAt(0));
    const v = JSON.parse(new TextDecoder().decode(bytes)) as { unit?: { name?: unknown }; office?: unknown };
    const unit = v.unit?.name;
    return typeof unit === 'string' && typeof v.office === 'string' ? { unit, office: v.office } : null;
  } catch {
    return null;
  }
}

interface Props {
  /** 'first': an office installation that issued nothing; 'replace': a 填报单位 taking a re-issued configuration. */
  mode: 'first' | 'replace';
  onDone: (unitName: string) => void;
}

export function UnitSetup({ mode, onDone }: Props) {
  const { modal } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const setUp = async (file: ChosenFile) => {
    setBusy(true);
    const r = await call('exchange:setupUnit', { dataBase64: file.dataBase64 });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone(r.data.unit?.name ?? '');
  };

  const choose = async (raw: File) => {
    setError(null);
    const read = await readPackageFile(raw, '单位配置包');
    if (!read.ok) return setError(read.error);
    const names = namesIn(read.file);
    const who = names ? `${names.unit}（${names.office}）` : '配置包中的单位';
    modal.confirm({
      title: mode === 'first' ? `把本机设为填报单位：${who}？` : `换用新的单位配置包：${who}？`,
      width: 520,
      content:
        mode === 'first' ? (
          <>
            <p>
              设置后，本机作为该单位使用：录入本单位的台账，每期生成报送包交给{names?.office ?? '区纪委监委'}
              ，由其接收合并。
            </p>
            <p style={{ marginBottom: 0 }}>
              本机从此不能再签发单位配置包或接收其他单位的报送包。只有在下级单位的电脑上才需要这样设置。
            </p>
          </>
        ) : (
          <p style={{ marginBottom: 0 }}>
            区纪委监委重新签发配置包后，原配置包生成的报送包不再被接收。换用后，请重新生成尚未交出的报送包。
          </p>
        ),
      okText: mode === 'first' ? '设为填报单位' : '换用',
      cancelText: '取消',
      autoFocusButton: 'cancel',
      onOk: () => void setUp(read.file),
    });
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="exchange-setup">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {mode === 'first'
          ? '下级单位自己使用本软件时，在该单位的电脑上用区纪委监委签发的“单位配置包”设置一次。区纪委监委本机不要这样设置。'
          : '区纪委监委为本单位重新签发了单位配置包时，在这里换用新的配置包。'}
      </Typography.Paragraph>
      <div>
        <Upload
          accept=".json"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(f) => {
            void choose(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="exchange-setup-upload">
            选择单位配置包（.json）…
          </Button>
        </Upload>
      </div>
      {error && <ProblemList error={error} onClose={() => setError(null)} />}
    </div>
  );
}
