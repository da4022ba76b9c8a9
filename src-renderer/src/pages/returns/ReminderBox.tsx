// The 催报 text the server wrote (who has not returned what, and by when), read-only, to copy into a message to the
// units; when every unit has reported there is nothing to chase and it says so.
import { CheckCircleOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Input } from 'antd';
import type { GetRef } from 'antd';
import { useRef } from 'react';
import { copyText } from '../../lib/clipboard';

export function ReminderBox({ reminder }: { reminder: string }) {
  const { message } = App.useApp();
  const box = useRef<GetRef<typeof Input.TextArea>>(null);

  if (!reminder) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title="各单位均已报送，无需催报。"
        data-testid="returns-all-reported"
      />
    );
  }

  const copy = async () => {
    if (await copyText(reminder)) {
      void message.success('催报名单已复制，可粘贴到消息中发送');
      return;
    }
    // Copying refused (no clipboard permission): leave the text selected so Ctrl+C does it.
    const el = box.current?.resizableTextArea?.textArea;
    el?.focus();
    el?.select();
    void message.warning('无法自动复制：文字已选中，请按 Ctrl+C 复制');
  };

  return (
    <Card
      size="small"
      title="催报内容"
      extra={
        <Button
          size="small"
          type="primary"
          ghost
          icon={<CopyOutlined />}
          onClick={() => void copy()}
          data-testid="returns-copy"
        >
          复制催报名单
        </Button>
      }
    >
      <Input.TextArea
        ref={box}
        readOnly
        value={reminder}
        autoSize={{ minRows: 2, maxRows: 6 }}
        aria-label="催报内容"
        data-testid="returns-reminder"
      />
    </Card>
  );
}
