// The two files units and the office exchange, and how a 报送包 is signed. A 报送包 carries its content as one JSON
// string (`body`) and an HMAC-SHA256 of exactly those bytes under the key the office issued to the unit: nothing is
// re-serialized before checking, so no two JSON writers can disagree about what was signed.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { LedgerKey, LedgerRecord } from '../../shared/ledgers/types';
import type { Settings, Unit } from '../../shared/settings';
import { AppFailure } from '../../shared/result';

export const CONFIG_FORMAT = 'campaign-desk-unit-config';
export const RETURN_FORMAT = 'campaign-desk-return';
const FORMAT_VERSION = 1;

/** What the office gives a unit, once, by hand (USB): who it is and the key its packages are signed with. */
export interface UnitConfig {
  format: typeof CONFIG_FORMAT;
  formatVersion: number;
  office: string;
  unit: Unit;
  keyId: string;
  /** 32 random bytes, base64. */
  key: string;
  issuedAt: string;
  /**
   * The office's campaign as its records are checked against (dates, phases, working groups, choice lists): a unit
   * set up with them writes records the office accepts as they are.
   */
  campaign?: Campaign;
}

/** The parts of the office's settings a unit takes with its configuration (see UnitConfig.campaign). */
export const CAMPAIGN_KEYS = [
  'campaignName',
  'campaignStart',
  'campaignEnd',
  'phases',
  'groups',
  'choiceLists',
  'choiceMeanings',
  'fourForms',
] as const satisfies readonly (keyof Settings)[];
export type Campaign = Partial<Pick<Settings, (typeof CAMPAIGN_KEYS)[number]>>;

/** The office's campaign as a configuration carries it (settings it never had, like choiceMeanings, left out). */
export function campaignOf(settings: Settings): Campaign {
  const out: Record<string, unknown> = {};
  for (const k of CAMPAIGN_KEYS) if (settings[k] !== undefined) out[k] = settings[k];
  return out;
}

export interface ReturnManifest {
  keyId: string;
  unit: { id: string; name: string };
  from: string;
  to: string;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  counts: Partial<Record<LedgerKey, number>>;
}

export interface ReturnBody {
  manifest: ReturnManifest;
  records: Partial<Record<LedgerKey, LedgerRecord[]>>;
}

interface ReturnFile {
  format: typeof RETURN_FORMAT;
  formatVersion: number;
  body: string;
  signature: string;
}

export const newKey = () => randomBytes(32).toString('base64');
export const newKeyId = () => `k-${randomBytes(8).toString('hex')}`;

const sign = (key: string, body: string) =>
  createHmac('sha256', Buffer.from(key, 'base64')).update(body, 'utf8').digest('hex');

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new AppFailure('bad_file', `这不是${what}（文件不是完整的 JSON，可能没有复制完整）。`);
  }
}

export function writeConfig(config: Omit<UnitConfig, 'format' | 'formatVersion'>): Buffer {
  const file: UnitConfig = { format: CONFIG_FORMAT, formatVersion: FORMAT_VERSION, ...config };
  return Buffer.from(`${JSON.stringify(file, null, 2)}\n`, 'utf8');
}

export function readConfig(bytes: Buffer): UnitConfig {
  const v = parseJson(bytes, '单位配置包') as Partial<UnitConfig> | null;
  if (!v || v.format !== CONFIG_FORMAT)
    throw new AppFailure('bad_file', '这不是单位配置包：请选择区纪委监委签发的“单位配置包”文件。');
  if (v.formatVersion !== FORMAT_VERSION)
    throw new AppFailure('bad_file', '单位配置包由较新版本的程序生成，请先升级本程序。');
  if (!v.unit?.id || !v.unit.name || !v.keyId || !v.key || Buffer.from(v.key, 'base64').length !== 32)
    throw new AppFailure('bad_file', '单位配置包内容不完整（缺少单位或密钥），请向区纪委监委重新索取。');
  return v as UnitConfig;
}

export function writeReturn(body: ReturnBody, key: string): Buffer {
  const text = JSON.stringify(body);
  const file: ReturnFile = {
    format: RETURN_FORMAT,
    formatVersion: FORMAT_VERSION,
    body: text,
    signature: sign(key, text),
  };
  return Buffer.from(JSON.stringify(file), 'utf8');
}

/** The package's manifest as written, before its signature is checked (to find the key it names). */
export function openReturn(bytes: Buffer): { file: ReturnFile; body: ReturnBody } {
  const v = parseJson(bytes, '报送包') as Partial<ReturnFile> | null;
  if (!v || v.format !== RETURN_FORMAT || typeof v.body !== 'string' || typeof v.signature !== 'string')
    throw new AppFailure('bad_file', '这不是报送包：请选择下级单位用本程序生成的“报送包”文件。');
  if (v.formatVersion !== FORMAT_VERSION)
    throw new AppFailure('bad_file', '报送包由较新版本的程序生成，请先升级本程序后再接收。');
  const body = parseJson(Buffer.from(v.body, 'utf8'), '报送包') as Partial<ReturnBody> | null;
  if (!body?.manifest?.keyId || !body.manifest.unit?.id || typeof body.records !== 'object' || !body.records)
    throw new AppFailure('bad_file', '报送包内容不完整（缺少清单或记录），可能已损坏。');
  return { file: v as ReturnFile, body: body as ReturnBody };
}

/** True when `file`'s signature is the one `key` makes of its body (compared in constant time). */
export function signedBy(file: { body: string; signature: string }, key: string): boolean {
  const want = Buffer.from(sign(key, file.body), 'hex');
  const got = Buffer.from(file.signature, 'hex');
  return want.length === got.length && timingSafeEqual(want, got);
}
