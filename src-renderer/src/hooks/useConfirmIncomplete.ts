// A document for a period that has not ended yet is refused with 'needs_confirmation': ask the person, with the
// server's own words, whether to produce it anyway. 取消 is the focused button, so Enter never sends by mistake.
import { App } from 'antd';
import { useCallback } from 'react';
import type { AppError } from '../../../src-main/shared/result';

/** Resolves true when the error asks for a confirmation and the person gave it. */
export function useConfirmIncomplete(): (error: AppError) => Promise<boolean> {
  const { modal } = App.useApp();
  return useCallback(
    (error: AppError) => {
      if (error.code !== 'needs_confirmation') return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        modal.confirm({
          title: error.details?.confirm === 'incomplete_period' ? '所选期间尚未结束' : '请确认',
          content: error.message,
          okText: '仍然生成',
          cancelText: '取消',
          autoFocusButton: 'cancel',
          width: 480,
          onOk: () => resolve(true),
          onCancel: () => resolve(false),
        });
      });
    },
    [modal],
  );
}
