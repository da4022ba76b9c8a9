// The designed error state: what went wrong in Chinese, its code for support, and a retry where it makes sense.
import { Button, Result } from 'antd';
import type { ResultProps } from 'antd';
import type { AppError } from '../../../src-main/shared/result';

interface Props {
  title: string;
  error?: AppError;
  status?: ResultProps['status'];
  onRetry?: () => void;
}

export function ErrorState({ title, error, status = 'error', onRetry }: Props) {
  return (
    <Result
      status={status}
      title={title}
      subTitle={error ? `${error.message}${error.code !== 'internal' ? `（${error.code}）` : ''}` : undefined}
      extra={onRetry ? <Button onClick={onRetry}>重试</Button> : undefined}
      data-testid="error-state"
    />
  );
}
