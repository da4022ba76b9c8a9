// Settings → 报告信息: what the progress report says that no ledger holds — 主送 and 抄送机关, the superiors' plenary
// sessions studied, the leader whose requirement it cites — and the folder 「生成月报」 writes to. Each part shows how
// it will read in the report, as it is typed.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { plenaryName } from '../../../../src-main/shared/settings';
import type { Plenary, ReportFacts } from '../../../../src-main/shared/settings';

const MAX_PLENARIES = 6;
const BODIES = ['中央纪委', '省纪委', '市纪委'].map((value) => ({ value }));

/** A row as the form holds it while typed: any part may still be missing. */
type PlenaryDraft = Partial<Plenary> | undefined;

function readable(p: PlenaryDraft): string | null {
  const body = p?.body?.trim();
  const session = p?.session?.trim();
  if (!body || !session) return null;
  return plenaryName({ body, term: p?.term?.trim() ?? '', session });
}

function PlenaryPreview({ form }: { form: FormInstance }) {
  const rows = (Form.useWatch(['report', 'plenaries'], { form, preserve: true }) ?? []) as PlenaryDraft[];
  const names = rows.map(readable).filter((n): n is string => !!n);
  return (
    <Typography.Paragraph
      type={names.length ? undefined : 'secondary'}
      style={{ margin: '8px 0 0', background: '#fafafa', padding: '6px 10px' }}
      data-testid="plenary-sentence"
    >
      {names.length
        ? `报告中写作：……重要指示批示精神，贯通学习${names.join('、')}精神和各级……会议精神。`
        : '没有填写全会时，报告不提上级全会。'}
    </Typography.Paragraph>
  );
}

function CitedPreview({ form }: { form: FormInstance }) {
  const r = (Form.useWatch('report', { form, preserve: true }) ?? {}) as Partial<ReportFacts>;
  const leader = r.citedLeader?.trim();
  const occasion = r.citedOccasion?.trim();
  const requirement = r.citedRequirement?.trim();
  const complete = !!(leader && occasion && requirement);
  return (
    <Alert
      type={complete ? 'info' : 'warning'}
      showIcon
      data-testid="cited-preview"
      title={
        complete
          ? `报告中写作：始终坚持以上率下原则。严格落实${leader}同志在${occasion}上“${requirement}”要求，以……为原则……`
          : '领导姓名、会议、要求原文三项都填写后，报告中才会引述这一要求；现在这句话将被省略。'
      }
    />
  );
}

export function ReportInfoSection({ form }: { form: FormInstance }) {
  const campaign = (Form.useWatch('campaignName', { form, preserve: true }) as string | undefined) ?? '';
  const defaultAddressee = `市${campaign || '纪检监察干部队伍教育整顿'}领导小组办公室`;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="report-info">
      <Typography.Text type="secondary">
        工作情况报告中台账里没有的内容，填写一次，以后每期报告都会用到。
      </Typography.Text>
      <Card size="small" title="主送与抄送">
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name={['report', 'addressee']}
              label="主送机关"
              extra={`留空时使用：${defaultAddressee}`}
              style={{ marginBottom: 0 }}
            >
              <Input placeholder={defaultAddressee} maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['report', 'cc']}
              label="抄送机关"
              extra="印在报告末尾的版记中；输入名称后回车，可填多个"
              style={{ marginBottom: 0 }}
            >
              <Select
                mode="tags"
                open={false}
                suffixIcon={null}
                tokenSeparators={['、', '，', ',']}
                placeholder="如：区委办公室"
                aria-label="抄送机关"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title="学习的上级全会">
        <Form.List name={['report', 'plenaries']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row gutter={12} key={f.key} align="top" data-testid="plenary-row">
                  <Col span={6}>
                    <Form.Item name={[f.name, 'body']} label={i === 0 ? '机关' : undefined} required>
                      <AutoComplete options={BODIES} placeholder="如：省纪委" aria-label="机关" />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[f.name, 'term']} label={i === 0 ? '届次' : undefined}>
                      <Input placeholder="如：十二" suffix="届" maxLength={6} aria-label="届次" />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[f.name, 'session']} label={i === 0 ? '第几次全会' : undefined} required>
                      <Input placeholder="如：三" suffix="次" maxLength={6} aria-label="第几次全会" />
                    </Form.Item>
                  </Col>
                  <Col span={8} style={{ paddingTop: i === 0 ? 30 : 0 }}>
                    <Form.Item noStyle shouldUpdate>
                      {() => {
                        const name = readable(
                          form.getFieldValue(['report', 'plenaries', f.name]) as PlenaryDraft,
                        );
                        return (
                          <Typography.Text
                            strong={!!name}
                            type={name ? undefined : 'secondary'}
                            style={{ lineHeight: '32px' }}
                            data-testid="plenary-name"
                          >
                            {name ?? '填写机关和次数后显示'}
                          </Typography.Text>
                        );
                      }}
                    </Form.Item>
                  </Col>
                  <Col span={2} style={{ paddingTop: i === 0 ? 30 : 0 }}>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="删除全会" />
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={fields.length >= MAX_PLENARIES}
                onClick={() => add({ body: '', term: '', session: '' })}
              >
                添加全会{fields.length >= MAX_PLENARIES ? `（最多${MAX_PLENARIES}次）` : ''}
              </Button>
            </>
          )}
        </Form.List>
        <PlenaryPreview form={form} />
      </Card>
      <Card size="small" title="引述领导要求">
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name={['report', 'citedLeader']} label="领导姓名">
              <Input placeholder="如：周建华" maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={18}>
            <Form.Item name={['report', 'citedOccasion']} label="会议">
              <Input placeholder="如：全市纪检监察干部队伍教育整顿动员部署会议" maxLength={60} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name={['report', 'citedRequirement']} label="要求原文">
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 3 }}
                maxLength={120}
                showCount
                placeholder="不带引号，如：领导班子要发挥带动作用，学在前、干在前、做表率"
              />
            </Form.Item>
          </Col>
        </Row>
        <CitedPreview form={form} />
      </Card>
      <Card size="small" title="输出文件夹">
        <Form.Item
          name="outputDir"
          label="「生成月报」保存到"
          extra="留空时保存到“文档”中的“教育整顿工作台”文件夹。每期的文件放在以期间命名的子文件夹里，如“2026年10月月报”。"
          style={{ marginBottom: 0 }}
        >
          <Input placeholder="留空：文档\教育整顿工作台" maxLength={500} style={{ maxWidth: 640 }} />
        </Form.Item>
      </Card>
    </Space>
  );
}
