// Saving a generated file: the desktop shows a save dialog through the preload; web mode downloads a Blob.
// Opening one the desktop wrote (a package's folder or file, a file just saved): through the preload, which main
// checks. None of these ever rejects: a failure comes back as { ok: false } with a Chinese message, so no caller is
// left with a spinner turning.
import type { Result } from '../../../src-main/shared/result';

export interface GeneratedFile {
  fileName: string;
  dataBase64: string;
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const MIME: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function notSaved(fileName: string): Result<never> {
  return {
    ok: false,
    error: {
      code: 'internal',
      message: `文件“${fileName}”没有保存：与本机服务的通信中断。请重试；如仍不行，请重新打开工作台。`,
    },
  };
}

function isResult(v: unknown): v is Result<unknown> {
  return typeof v === 'object' && v !== null && 'ok' in v && typeof v.ok === 'boolean';
}

/** Resolves to the saved path (desktop), the file name (web download) or null when the user cancelled. */
export async function saveGeneratedFile(file: GeneratedFile): Promise<Result<{ path: string } | null>> {
  if (window.api) {
    try {
      const r: unknown = await window.api.saveFile(file.fileName, file.dataBase64);
      return isResult(r) ? (r as Result<{ path: string } | null>) : notSaved(file.fileName);
    } catch {
      return notSaved(file.fileName);
    }
  }
  try {
    download(file);
  } catch {
    return {
      ok: false,
      error: { code: 'internal', message: `文件“${file.fileName}”没有下载：浏览器拒绝了下载，请重试。` },
    };
  }
  return { ok: true, data: { path: file.fileName } };
}

function download(file: GeneratedFile) {
  const ext = file.fileName.split('.').pop()?.toLowerCase() ?? '';
  const blob = new Blob([base64ToBytes(file.dataBase64)], { type: MIME[ext] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a chosen file as base64 (without the data: prefix), for upload channels. */
export function readFileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const s = typeof reader.result === 'string' ? reader.result : '';
      resolve(s.slice(s.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.readAsDataURL(file);
  });
}

const NOT_DESKTOP: Result<null> = {
  ok: false,
  error: { code: 'unknown_channel', message: '只有桌面版可以直接打开文件，网页版请下载后打开。' },
};

const NOT_OPENED: Result<null> = {
  ok: false,
  error: { code: 'internal', message: '没有打开：与本机服务的通信中断。请重试。' },
};

/** Desktop: opens a generated file or its folder with the system's program. */
export async function openInSystem(path: string): Promise<Result<null>> {
  if (!window.api) return NOT_DESKTOP;
  return window.api.openPath(path).catch(() => NOT_OPENED);
}

/** Desktop: shows a generated file selected in the system's file manager. */
export async function showInFolder(path: string): Promise<Result<null>> {
  if (!window.api) return NOT_DESKTOP;
  return window.api.showItemInFolder(path).catch(() => NOT_OPENED);
}
