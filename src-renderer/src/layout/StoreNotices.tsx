// What the store noticed at start-up (a new directory, an upgrade, a restore, repairs, damage), as banners above the
// page until dismissed for this session. Drawn in the first frame too (main.tsx), before antd loads: own markup.
import { CloseOutlined, ExclamationCircleFilled, InfoCircleFilled } from '@ant-design/icons';
import { useState } from 'react';
import type { AppInfo } from '../../../src-main/shared/contract';
import { shortStamp } from '../lib/format';

const DISMISSED = 'campaign-desk.dismissedNotices';

/** Notices that only inform (a new directory, an upgrade, a restore someone chose); the rest are warnings. */
const INFO_KINDS = new Set(['created', 'migrated', 'backup_restored']);
/** Repairs made at start-up and damage found then: the administrator is offered 检查数据 right in the banner. */
const REPAIR_KINDS = new Set(['restored', 'quarantined', 'repaired', 'damaged']);

type Notice = AppInfo['notices'][number];

const idOf = (n: Notice) => `${n.at}|${n.message}`;

function readDismissed(): string[] {
  try {
    return JSON.parse(sessionStorage.getItem(DISMISSED) ?? '[]') as string[];
  } catch {
    return [];
  }
}

export function StoreNotices({ notices, admin }: { notices: Notice[]; admin: boolean }) {
  const [dismissed, setDismissed] = useState<string[]>(readDismissed);
  const dismiss = (id: string) => {
    const next = [...dismissed, id];
    setDismissed(next);
    sessionStorage.setItem(DISMISSED, JSON.stringify(next));
  };
  return notices
    .filter((n) => !dismissed.includes(idOf(n)))
    .map((n) => {
      const info = INFO_KINDS.has(n.kind);
      return (
        <div
          key={idOf(n)}
          className={info ? 'cd-notice' : 'cd-notice cd-notice-warning'}
          role={info ? 'status' : 'alert'}
          data-testid="store-notice"
        >
          <span className="cd-notice-icon">{info ? <InfoCircleFilled /> : <ExclamationCircleFilled />}</span>
          <span className="cd-notice-text">
            {n.message}
            {n.at ? `（${shortStamp(n.at)}）` : ''}
          </span>
          {REPAIR_KINDS.has(n.kind) && admin && (
            <button
              type="button"
              className="cd-button"
              onClick={() => {
                window.location.hash = '/settings/data';
              }}
            >
              检查数据
            </button>
          )}
          <button
            type="button"
            className="cd-notice-close"
            aria-label="关闭"
            onClick={() => dismiss(idOf(n))}
          >
            <CloseOutlined />
          </button>
        </div>
      );
    });
}
