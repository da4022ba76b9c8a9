// A period that ends after today has numbers still to come: documents for it are produced only when the caller
// confirms, and then carry a warning, so an unfinished month is never sent by mistake.
import { chineseDate } from '../shared/dates';
import { AppFailure } from '../shared/result';

/** Refuses (needs_confirmation) unless the period has ended or the caller allowed it; returns the warning to carry. */
export function incompletePeriod(
  to: string,
  today: string,
  allow: boolean | undefined,
  what: string,
): string | null {
  if (to <= today) return null;
  const when = `所选期间截止到${chineseDate(to)}，晚于今天（${chineseDate(today)}）`;
  if (!allow) {
    throw new AppFailure(
      'needs_confirmation',
      `${when}，${what}中的数字还不完整，不宜报送。确需生成请确认后继续。`,
      {
        confirm: 'incomplete_period',
        to,
        today,
      },
    );
  }
  return `${when}：${what}中的数字还不完整，期末后请重新生成再报送。`;
}
