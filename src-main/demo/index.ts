// Deterministic demo data: the same seed and start always give the same district, the same records and the
// same ids. No clock is read: the data describes the campaign as of day AS_OF_DAYS after `start`.
import type { LedgerKey, LedgerRecord } from '../shared/ledgers/types';
import type { Settings } from '../shared/settings';
import { DemoContext } from './context';
import { genClues } from './gen-clues';
import { genInspections, genMeetings, genTasks } from './gen-organisation';
import { genBulletins, genOpinions, genPublicity } from './gen-publicity';
import { genRectifications, genRules } from './gen-rules-rect';
import { genMaterials, genStudies, genWritings } from './gen-study';
import { Rng } from './random';
import { AS_OF_DAYS, demoSettings } from './settings';

export { AS_OF_DAYS, CAMPAIGN_DAYS } from './settings';

export interface DemoOptions {
  seed?: number;
  /** Campaign start, YYYY-MM-DD (default 2026-03-02). Pass today − AS_OF_DAYS to make the demo "current". */
  start?: string;
  /** Repeat the per-unit volumes this many times (whole number ≥ 1); benchmarks use it for 20,000 records. */
  scale?: number;
}

export const DEMO_START = '2026-03-02';

export function generateDemo(options: DemoOptions = {}): {
  settings: Settings;
  ledgers: Record<LedgerKey, LedgerRecord[]>;
} {
  const settings = demoSettings(options.start ?? DEMO_START);
  const scale = Math.max(1, Math.round(options.scale ?? 1));
  const cx = new DemoContext(new Rng(options.seed ?? 20260302), settings, scale, AS_OF_DAYS);
  genMeetings(cx);
  genTasks(cx);
  genInspections(cx);
  genStudies(cx);
  genWritings(cx);
  genMaterials(cx);
  const produced = genRules(cx);
  genClues(cx);
  genRectifications(cx, produced);
  genPublicity(cx);
  genOpinions(cx);
  genBulletins(cx);
  return { settings, ledgers: cx.ledgers };
}
