// Lists problems returned in an error's details (template placeholders, file checks) so they can be fixed.
import { Alert, Typography } from 'antd';
import type { AppError } from '../../../src-main/shared/result';

export interface Problem {
  message?: string;
  context?: string;
  /** Where to look: 正文 / 页眉 (Word) or 表1!C5 (Excel). */
  place?: string;
  where?: string;
  suggestions?: string[];
}

export function problemsOf(list: unknown): Problem[] {
  if (!Array.isArray(list)) return [];
  return list.map((x: unknown) => (typeof x === 'string' ? { message: x } : (x as Problem)));
}

interface Props {
  error: Pick<AppError, 'message' | 'details'> & { code?: AppError['code'] };
  onClose?: () => void;
  /** Warnings after a success (e.g. a template saved with unknown names). */
  warning?: boolean;
}

export function ProblemList({ error, onClose, warning }: Props) {
  const problems = problemsOf(error.details?.problems);
  return (
    <Alert
      type={error.code === 'unknown_channel' ? 'info' : warning ? 'warning' : 'error'}
      showIcon
      title={error.message}
      closable={onClose ? { onClose } : undefined}
      data-testid="problem-list"
      description={
        problems.length ? (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {problems.map((p, i) => (
              <li key={i}>
                {(p.place ?? p.where) && (
                  <Typography.Text type="secondary">［{p.place ?? p.where}］</Typography.Text>
                )}
                {p.message}
                {p.context && (
                  <Typography.Text code style={{ marginLeft: 6 }}>
                    {p.context}
                  </Typography.Text>
                )}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
