// The desktop's 保存 of a generated document: a save dialog filtered to the file's type, then a write that never
// tears the old file (temp + rename, see output-files.ts) and never throws across IPC — a file WPS holds open, a
// full disk or a read-only folder comes back as { ok: false } with a Chinese message naming the file.
import path from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { writeOutputFile } from '../services/output-files';
import type { OutputFs } from '../services/output-files';
import { isAppFailure } from '../shared/result';
import type { Result } from '../shared/result';
import { describeFsError } from '../store/errors';

/** The save dialog's type filter per extension: the office knows them by these names. */
const FILE_TYPES: Record<string, { name: string; extensions: string[] }> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  zip: { name: '压缩文件', extensions: ['zip'] },
  json: { name: 'JSON 文件', extensions: ['json'] },
};

/** The dialog for saving `fileName` (only its base name counts) in `folder`. */
export function saveDialogOptions(fileName: string, folder: string): SaveDialogOptions {
  const base = path.basename(fileName);
  const ext = path.extname(base).slice(1).toLowerCase();
  const type = FILE_TYPES[ext] ?? (ext ? { name: `${ext.toUpperCase()} 文件`, extensions: [ext] } : null);
  return {
    title: '保存文件',
    buttonLabel: '保存',
    defaultPath: path.join(folder, base),
    // Only the file's own type: a name typed without extension gets it, and WPS/Excel will know the file.
    filters: type ? [type] : [],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  };
}

/** The chosen path with the document's extension added when the person typed a name without one (Linux dialogs). */
export function withExtension(chosen: string, fileName: string): string {
  const ext = path.extname(fileName);
  return ext && path.extname(chosen).toLowerCase() !== ext.toLowerCase() ? `${chosen}${ext}` : chosen;
}

export interface SaveFileDeps {
  showSaveDialog(options: SaveDialogOptions): Promise<Pick<SaveDialogReturnValue, 'canceled' | 'filePath'>>;
  /** Where the first dialog opens (the documents folder); later ones open where the last file was saved. */
  defaultDir(): string;
  /** Called with each saved path, so 打开文件 / 在文件夹中显示 may open it (shell.ts). */
  onSaved?(path: string): void;
  /** Test seam for the write and rename steps. */
  fs?: OutputFs;
}

export type SaveFile = (fileName: string, dataBase64: string) => Promise<Result<{ path: string } | null>>;

export function createSaveFile(deps: SaveFileDeps): SaveFile {
  let lastDir: string | null = null;
  return async (fileName, dataBase64) => {
    let target: string | undefined;
    try {
      const r = await deps.showSaveDialog(saveDialogOptions(fileName, lastDir ?? deps.defaultDir()));
      if (r.canceled || !r.filePath) return { ok: true, data: null };
      target = withExtension(r.filePath, fileName);
      await writeOutputFile(target, Buffer.from(dataBase64, 'base64'), deps.fs);
      lastDir = path.dirname(target);
      deps.onSaved?.(target);
      return { ok: true, data: { path: target } };
    } catch (e) {
      if (isAppFailure(e))
        return { ok: false, error: { code: e.code, message: e.message, details: e.details } };
      const message =
        describeFsError(e, target) ??
        `文件没有保存${target ? `（${target}）` : ''}：程序内部出错。请重试，或换一个文件夹保存。`;
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}
