// Settings → 公文格式: the Word format preset (fonts per role, margins, grid, page numbers; GB/T 9704-2012 by
// default) and the bulletin's masthead name. Checked with the shared SettingsSchema on save, like every tab.
import { UndoOutlined } from '@ant-design/icons';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Space,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import {
  A4_MM,
  DEFAULT_DOC_FORMAT,
  DEFAULT_FONTS,
  FONT_ROLE_LABELS,
} from '../../../../src-main/shared/doc-format';
import type { DocFormat, FontRole } from '../../../../src-main/shared/doc-format';

const FONT_ROLES = Object.keys(DEFAULT_FONTS) as FontRole[];

/** Names offices commonly have installed (WPS on UOS / Kylin, Windows). Any other name may be typed. */
const COMMON_FONTS = [
  '方正小标宋简体',
  '方正小标宋_GBK',
  '小标宋',
  '仿宋_GB2312',
  '仿宋',
  '方正仿宋_GBK',
  '黑体',
  '方正黑体_GBK',
  '楷体_GB2312',
  '楷体',
  '方正楷体_GBK',
  '宋体',
  'Times New Roman',
].map((f) => ({ value: f }));

const MARGINS = [
  ['top', '上边距'],
  ['bottom', '下边距'],
  ['left', '左边距'],
  ['right', '右边距'],
] as const;

/** The format as the form holds it: a stored preset filled with the standard's defaults. */
export function docFormatOf(stored: unknown): DocFormat {
  const s = (stored ?? {}) as Partial<DocFormat>;
  return {
    ...DEFAULT_DOC_FORMAT,
    ...s,
    marginsMm: { ...DEFAULT_DOC_FORMAT.marginsMm, ...s.marginsMm },
    fonts: { ...DEFAULT_DOC_FORMAT.fonts, ...s.fonts },
  };
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** A small A4 page: margins, the text grid and where the page number sits, redrawn as values change. */
function PagePreview({ form }: { form: FormInstance }) {
  const f = (Form.useWatch('docFormat', { form, preserve: true }) ??
    DEFAULT_DOC_FORMAT) as Partial<DocFormat>;
  const m = { ...DEFAULT_DOC_FORMAT.marginsMm, ...f.marginsMm };
  const top = num(m.top, 37);
  const bottom = num(m.bottom, 35);
  const left = num(m.left, 28);
  const right = num(m.right, 26);
  const lines = Math.max(1, Math.min(40, num(f.linesPerPage, 22)));
  const scale = 0.9;
  const blockW = A4_MM.width - left - right;
  const blockH = A4_MM.height - top - bottom;
  const center = f.pageNumberStyle === 'center';
  const pageNo = (n: number) => (
    <div
      style={{
        position: 'absolute',
        top: (A4_MM.height - bottom + num(f.pageNumberGapMm, 7)) * scale,
        left: left * scale,
        width: blockW * scale,
        textAlign: center ? 'center' : n % 2 ? 'right' : 'left',
        fontSize: 10,
        color: '#555',
      }}
    >
      — {n} —
    </div>
  );
  const page = (n: number) => (
    <div
      key={n}
      style={{
        position: 'relative',
        width: A4_MM.width * scale,
        height: A4_MM.height * scale,
        background: '#fff',
        boxShadow: '0 1px 4px rgba(0,0,0,.25)',
      }}
    >
      <div
        style={{
          position: 'absolute',
          top: top * scale,
          left: left * scale,
          width: Math.max(0, blockW) * scale,
          height: Math.max(0, blockH) * scale,
          outline: '1px dashed #c9a',
          backgroundImage: `repeating-linear-gradient(180deg, transparent 0, transparent ${
            (blockH * scale) / lines - 1
          }px, #e8e8e8 ${(blockH * scale) / lines - 1}px, #e8e8e8 ${(blockH * scale) / lines}px)`,
        }}
      />
      {pageNo(n)}
    </div>
  );
  return (
    <Space orientation="vertical" size={6} data-testid="page-preview">
      <Space size={12}>{[1, 2].map(page)}</Space>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        版心 {Math.round(blockW * 10) / 10} × {Math.round(blockH * 10) / 10} 毫米，每页 {lines} 行 ×{' '}
        {num(f.charsPerLine, 28)} 字
      </Typography.Text>
    </Space>
  );
}

export function DocFormatSection({ form }: { form: FormInstance }) {
  const { message } = App.useApp();
  const restore = () => {
    form.setFieldsValue({ docFormat: structuredClone(DEFAULT_DOC_FORMAT) });
    form.setFields(
      form
        .getFieldsError()
        .filter((e) => e.name[0] === 'docFormat' && e.errors.length)
        .map((e) => ({ name: e.name, errors: [] })),
    );
    void message.info('已恢复国家标准（GB/T 9704-2012）的格式，点“保存设置”后生效');
  };

  return (
    <Row gutter={24} data-testid="doc-format">
      <Col flex="1 1 560px">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text type="secondary">
              工作情况报告、简报等 Word
              文件都按这里的格式生成。各单位字体名称不同时，改成本机已安装的字体名即可。
            </Typography.Text>
            <Button icon={<UndoOutlined />} onClick={restore} data-testid="doc-format-restore">
              恢复国家标准
            </Button>
          </Space>
          <Card size="small" title="字体">
            <Row gutter={16}>
              {FONT_ROLES.map((role) => (
                <Col span={8} key={role}>
                  <Form.Item
                    name={['docFormat', 'fonts', role]}
                    label={FONT_ROLE_LABELS[role]}
                    extra={`国家标准：${DEFAULT_FONTS[role]}`}
                  >
                    <AutoComplete options={COMMON_FONTS} placeholder={DEFAULT_FONTS[role]} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          </Card>
          <Card size="small" title="页面">
            <Row gutter={16}>
              {MARGINS.map(([k, label]) => (
                <Col span={6} key={k}>
                  <Form.Item name={['docFormat', 'marginsMm', k]} label={label}>
                    <InputNumber min={0} max={100} step={1} suffix="毫米" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              ))}
              <Col span={6}>
                <Form.Item name={['docFormat', 'linesPerPage']} label="每页行数">
                  <InputNumber min={1} max={60} precision={0} suffix="行" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <Form.Item name={['docFormat', 'charsPerLine']} label="每行字数">
                  <InputNumber min={1} max={60} precision={0} suffix="字" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name={['docFormat', 'pageNumberGapMm']} label="页码距版心下边缘">
                  <InputNumber min={0} max={20} step={1} suffix="毫米" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <Card size="small" title="页码与简报">
            <Form.Item
              name={['docFormat', 'pageNumberStyle']}
              label="页码位置"
              extra="页码格式为“— 1 —”，4号宋体"
            >
              <Radio.Group
                options={[
                  { value: 'odd-right-even-left', label: '单页居右、双页居左（国家标准）' },
                  { value: 'center', label: '居中' },
                ]}
              />
            </Form.Item>
            <Form.Item name="bulletinName" label="简报名称" extra="印在简报红头上，如“教育整顿工作简报”">
              <Input maxLength={30} showCount style={{ maxWidth: 420 }} />
            </Form.Item>
          </Card>
        </Space>
      </Col>
      <Col flex="0 0 400px">
        <Card size="small" title="版面示意（第1、2页）">
          <PagePreview form={form} />
        </Card>
      </Col>
    </Row>
  );
}
