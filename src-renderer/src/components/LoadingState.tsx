// The designed loading state: a spinner with words, never a blank screen.
import { Spin } from 'antd';

export function LoadingState({ tip = '正在加载…', height = 240 }: { tip?: string; height?: number }) {
  return (
    <div
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        height,
        gap: 12,
        color: '#888',
      }}
      data-testid="loading-state"
    >
      <Spin />
      <span>{tip}</span>
    </div>
  );
}
