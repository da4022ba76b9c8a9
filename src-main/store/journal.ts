// All-or-nothing writes of several files. The journal, holding every new file, is the commit point:
// once it is durable the change is decided, and a crash before the files are all replaced rolls FORWARD on next open.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { readJsonFile } from './collection-adapter';
import { fsyncDir, writeFileDurable } from './durable-write';

export const JOURNAL_FILE = 'journal.json';
const JOURNAL_FORMAT = 'campaign-desk-journal';

export interface FileChange {
  /** File name inside the data directory, e.g. "meetings.json". */
  name: string;
  /** The new content, as chunks written in order. */
  bytes: readonly Buffer[];
  /** What the file held before, to undo in-process if the commit fails half-way; null if it did not exist. */
  previous: readonly Buffer[] | null;
}

/** The files were replaced but the journal could not be removed, or a failed commit could not be undone. */
export class JournalStuckError extends Error {
  override readonly name = 'JournalStuckError';
  constructor(
    message: string,
    /** True if every file already holds its new content (only the journal could not be removed). */
    readonly applied: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function buildJournal(changes: FileChange[], now: Date): Buffer[] {
  const head = `{"format":"${JOURNAL_FORMAT}","createdAt":${JSON.stringify(now.toISOString())},"files":{`;
  const chunks: Buffer[] = [Buffer.from(head)];
  changes.forEach((c, i) =>
    chunks.push(Buffer.from(`${i ? ',' : ''}${JSON.stringify(c.name)}:`), ...c.bytes),
  );
  chunks.push(Buffer.from('}}'));
  return chunks;
}

/**
 * `stillOwner` throws when the directory lock is no longer ours. It is asked before undoing a failed commit: a
 * program that took the directory over deletes our temp files as crash debris (so our write fails) and then rolls
 * our journal forward; undoing beside it would mix old and new files. Without the lock we leave the journal to it.
 */
export async function commitFiles(
  dataDir: string,
  changes: FileChange[],
  now: Date,
  stillOwner: () => Promise<void> = async () => undefined,
): Promise<void> {
  const journal = path.join(dataDir, JOURNAL_FILE);
  await writeFileDurable(journal, buildJournal(changes, now)); // if this throws, nothing has changed
  let applied = 0;
  try {
    for (const c of changes) {
      await writeFileDurable(path.join(dataDir, c.name), c.bytes);
      applied += 1;
    }
  } catch (err) {
    await stillOwner();
    // Undo now so that the caller's rejection tells the truth; if the disk refuses that too, the journal stays
    // and the next open completes the change instead (still all-or-nothing, just the other "all").
    const restore = async (c: FileChange): Promise<void> => {
      const file = path.join(dataDir, c.name);
      if (c.previous) await writeFileDurable(file, c.previous);
      else await fsp.rm(file, { force: true });
    };
    try {
      for (const c of changes.slice(0, applied)) await restore(c);
      // The file that failed was most likely never replaced (the rename is what fails); undo it only if we can.
      await restore(changes[applied]).catch(() => undefined);
      await fsp.rm(journal, { force: true });
      await fsyncDir(dataDir);
    } catch (undoErr) {
      throw new JournalStuckError('批量保存中途失败且无法撤销；下次启动时将自动完成这次保存。', false, {
        cause: undoErr,
      });
    }
    throw err;
  }
  try {
    await fsp.rm(journal, { force: true });
    await fsyncDir(dataDir);
  } catch (err) {
    throw new JournalStuckError('批量保存已完成，但无法删除日志文件。', true, { cause: err });
  }
}

/**
 * Completes a commit a crash interrupted. Returns the file names rewritten, or null if there was no journal.
 * A damaged journal (it never became durable, or the disk broke it) throws DamagedFileError: the caller moves it
 * aside, and since files are only replaced after the journal is durable, the old files are then still consistent.
 */
export async function rollForward(dataDir: string): Promise<string[] | null> {
  const journal = path.join(dataDir, JOURNAL_FILE);
  const parsed = await readJsonFile(journal);
  if (!parsed) return null;
  const value = parsed.value as { format?: unknown; files?: unknown };
  if (value?.format !== JOURNAL_FORMAT || typeof value.files !== 'object' || value.files === null) {
    throw new Error('日志文件格式无法识别');
  }
  const files = value.files as Record<string, unknown>;
  const names = Object.keys(files);
  // Never let a journal write outside the data directory.
  if (names.some((n) => path.basename(n) !== n || !n.endsWith('.json') || n === JOURNAL_FILE)) {
    throw new Error('日志文件中含有不允许的文件名');
  }
  for (const name of names) await writeFileDurable(path.join(dataDir, name), JSON.stringify(files[name]));
  await fsp.rm(journal, { force: true });
  await fsyncDir(dataDir);
  return names;
}
