// The result envelope every door returns: errors travel as data with a stable code, never as thrown objects
// (Electron's IPC keeps only an Error's message, so a thrown error would lose its code and details).

export type ErrorCode =
  | 'validation' // an argument or a record failed its schema; details name the field paths
  | 'not_found'
  | 'conflict' // e.g. a record others link to, a stale edit
  | 'unknown_channel'
  | 'unauthenticated'
  | 'forbidden'
  | 'store_locked' // another process holds the data directory
  | 'bad_file' // an uploaded file is not what it claims to be
  | 'needs_confirmation' // allowed only when the caller confirms (details.confirm says what), e.g. an unfinished period
  | 'needs_admin' // the 问题线索 ledger before the administrator exists: clues are only ever stored encrypted
  | 'password_change_required' // the session's password was chosen by the administrator: only changing it is allowed
  | 'accounts_tampered' // users.json or integrity.json edited outside the app: nobody signs in but with the recovery code
  | 'internal';

export interface FieldIssue {
  /** Path of the offending field, e.g. ["record", "attendeesPresent"]. */
  path: (string | number)[];
  /** Chinese message, shown at the field. */
  message: string;
}

export interface AppError {
  code: ErrorCode;
  /** Chinese, one sentence, says what is wrong and where. */
  message: string;
  details?: { issues?: FieldIssue[]; [key: string]: unknown };
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

/** Thrown inside services; the router turns it into `{ ok: false, error }`. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: AppError['details'],
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

export function isAppFailure(e: unknown): e is AppFailure {
  return e instanceof Error && e.name === 'AppFailure' && 'code' in e;
}
