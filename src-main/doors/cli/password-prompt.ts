// Reads a password for the CLI: from CAMPAIGN_DESK_PASSWORD (scripts), or typed at a prompt without echo.
import { createInterface } from 'node:readline';

export const PASSWORD_ENV = 'CAMPAIGN_DESK_PASSWORD';

export async function readPassword(prompt: string): Promise<string> {
  const fromEnv = process.env[PASSWORD_ENV];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    // Piped input: the first line is the password.
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    throw new Error(`没有读到密码：请在提示时输入，或设置环境变量 ${PASSWORD_ENV}`);
  }
  process.stderr.write(prompt);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (ch: string) => {
      if (ch === '\r' || ch === '\n' || ch === '\u0004') {
        done();
        resolve(typed);
      } else if (ch === '\u0003') {
        done();
        reject(new Error('已取消'));
      } else if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
      else typed += ch;
    };
    const done = () => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}
