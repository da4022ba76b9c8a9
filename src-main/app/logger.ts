// A small file logger: JSON lines under <dataDir>/logs, rotated by size. Record contents are never logged,
// only ids and messages, so confidential clue data cannot leak into a log file.
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../store';

const MAX_BYTES = 5 * 1024 * 1024;

export function createFileLogger(dataDir: string, echo = false): Logger {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, 'app.log');
  mkdirSync(dir, { recursive: true });
  const write = (level: string, msg: string, meta?: object) => {
    const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...meta }) + '\n';
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, line);
    } catch {
      // A log that cannot be written must never take the app down.
    }
    if (echo) process.stderr.write(`[${level}] ${msg}\n`);
  };
  return {
    info: (m, meta) => write('info', m, meta),
    warn: (m, meta) => write('warn', m, meta),
    error: (m, meta) => write('error', m, meta),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
