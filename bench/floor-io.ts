// What writing a file durably costs at the least, for the benches' floors and raw baselines: the bytes to a temp
// file, fsync, rename over the target, and (as the store does) fsync of the folder unless a bench's baseline says
// it leaves that out.
import fs from 'node:fs/promises';
import path from 'node:path';

export async function durableWrite(
  file: string,
  bytes: Buffer,
  opts: { syncDir?: boolean } = {},
): Promise<void> {
  const tmp = `${file}.floor-tmp`;
  const h = await fs.open(tmp, 'w');
  try {
    await h.writeFile(bytes);
    await h.sync();
  } finally {
    await h.close();
  }
  await fs.rename(tmp, file);
  if (opts.syncDir === false) return;
  const d = await fs.open(path.dirname(file), 'r');
  try {
    await d.sync();
  } finally {
    await d.close();
  }
}
