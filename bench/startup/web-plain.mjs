// Baseline of web mode's start: a plain node http server on 127.0.0.1 that reads the same data files, prints its
// address with a token (as web mode does), and answers `POST /api/<channel>` with a JSON envelope once the Bearer
// token matches (app:info answers the settings' names).
//   node bench/startup/web-plain.mjs <data dir>
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const dir = process.argv[2];
const data = {};
for (const f of readdirSync(dir))
  if (f.endsWith('.json')) data[f] = JSON.parse(readFileSync(join(dir, f), 'utf8'));
data.head = JSON.parse(readFileSync(join(dir, 'audit', 'head.json'), 'utf8'));
const token = randomBytes(24).toString('base64url');

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const ok = req.headers.authorization === `Bearer ${token}`;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json; charset=utf-8' });
    const settings = data['settings.json'];
    res.end(
      JSON.stringify(
        ok
          ? { ok: true, data: { name: settings.commissionName, campaign: settings.campaignName, args: body } }
          : { ok: false, error: { code: 'unauthenticated', message: '缺少或错误的访问令牌' } },
      ),
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`http://127.0.0.1:${server.address().port}/?token=${token}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
