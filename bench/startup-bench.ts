// Start-up benchmark: what every CLI command, the monthly job and web mode pay, measured on whole child processes
// against a plain node program doing the same work (the baselines are the scripts in bench/startup/). CPU time is
// user + system of every node process started (a preload given by NODE_OPTIONS adds process.cpuUsage() to a file at
// exit, or on SIGUSR2 for a server still running); runs are paired, alternating which goes first. Budgets:
// --help ≤ 3× `node -e 0`; indicators --json ≤ 3× reading the same JSON files; monthly ≤ 2× raw docx + exceljs
// writing the same documents; web mode, start to first API answer ≤ 3× a plain http server reading the same files.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { paired, printComparison } from './measure';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 9;
const BIN = path.join(ROOT, 'bin/campaign-desk.js');
const BASELINES = path.join(ROOT, 'bench/startup');

const HOOK = `
const fs = require('node:fs');
const file = process.env.STARTUP_BENCH_CPU;
const note = (why) => {
  const c = process.cpuUsage();
  fs.appendFileSync(file, process.pid + ' ' + why + ' ' + (c.user + c.system) + '\\n');
};
process.on('exit', () => note('exit'));
process.on('SIGUSR2', () => note('usr2'));
`;

interface Run {
  /** CPU ms of every process, summed. */
  cpu: number;
  /** Wall ms from spawn to the end (a command) or to the first API answer (a server). */
  wall: number;
  stdout: string;
}

let work: string;
let hookFile: string;
let cpuFile: string;

/** The environment of a clean run: no CAMPAIGN_DESK_* settings, our preload only, a HOME of its own. */
function env(): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('CAMPAIGN_DESK_')),
  );
  return {
    ...clean,
    HOME: path.join(work, 'home'),
    NODE_OPTIONS: `--require ${hookFile}`,
    STARTUP_BENCH_CPU: cpuFile,
  };
}

function cpuNotes(why: 'exit' | 'usr2'): Map<number, number> {
  const out = new Map<number, number>();
  if (!existsSync(cpuFile)) return out;
  for (const line of readFileSync(cpuFile, 'utf8').split('\n')) {
    const [pid, w, us] = line.split(' ');
    if (w === why) out.set(Number(pid), Number(us) / 1000);
  }
  return out;
}

const sum = (m: Map<number, number>) => [...m.values()].reduce((t, x) => t + x, 0);

/** Spawns `node args` in the work directory with the CPU-noting environment; its output collected as it comes. */
function spawnNode(args: string[]) {
  rmSync(cpuFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: work, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  return { child, started, out };
}

/** Runs `node args` to its end; fails on a non-zero exit. */
function command(args: string[]): () => Promise<Run> {
  return () =>
    new Promise((resolve, reject) => {
      const { child, started, out } = spawnNode(args);
      child.on('error', reject);
      child.on('close', (code) => {
        const wall = performance.now() - started;
        if (code !== 0) return reject(new Error(`${args.join(' ')} 退出码 ${code}：${out.stderr}`));
        resolve({ cpu: sum(cpuNotes('exit')), wall, stdout: out.stdout });
      });
    });
}

/** A process and its descendants (web mode's launcher runs web mode as a child). */
function tree(pid: number): number[] {
  const kids = (() => {
    try {
      return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      return [];
    }
  })();
  return [pid, ...kids.flatMap((k) => tree(Number(k)))];
}

function post(url: string, token: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

/**
 * Starts a server (`node args`), waits for the address it prints, asks `POST /api/app:info` with its token: wall time
 * from the spawn to the answer, and CPU time of its processes at that moment (SIGUSR2); then stops it.
 */
function server(args: string[]): () => Promise<Run> {
  return () =>
    new Promise((resolve, reject) => {
      const { child, started, out } = spawnNode(args);
      let answered = false;
      child.on('error', reject);
      child.on('close', (code) => {
        if (!answered) reject(new Error(`${args.join(' ')} 未答复就退出（${code}）：${out.stderr}`));
      });
      child.stdout.on('data', () => {
        const m = /(http:\/\/\S+)\?token=(\S+)/.exec(out.stdout);
        if (!m || answered) return;
        answered = true;
        void (async () => {
          const answer = await post(`${m[1]}api/app:info`, m[2]);
          const wall = performance.now() - started;
          if (!(JSON.parse(answer) as { ok: boolean }).ok) throw new Error(`答复不是成功：${answer}`);
          const pids = tree(child.pid!);
          for (const p of pids) process.kill(p, 'SIGUSR2');
          let notes = cpuNotes('usr2');
          for (let i = 0; i < 200 && pids.some((p) => !notes.has(p)); i++) {
            await new Promise((r) => setTimeout(r, 5));
            notes = cpuNotes('usr2');
          }
          const cpu = sum(notes);
          child.once('close', () => resolve({ cpu, wall, stdout: answer }));
          child.kill('SIGTERM');
        })().catch(reject);
      });
    });
}

const cpuOf = (f: () => Promise<Run>) => async () => (await f()).cpu;

/** The text of each paragraph of the report, and every sheet's cells and merges: what the raw script rewrites. */
async function contentOf(docx: Buffer, xlsx: Buffer) {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  const paragraphs = xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.map((ws) => {
    const cells: [string, ExcelJS.CellValue][] = [];
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (!c.isMerged || c.master === c) cells.push([c.address, c.value]);
      }),
    );
    return { name: ws.name, cells, merges: [...(ws.model.merges ?? [])] };
  });
  return { paragraphs, sheets };
}

export async function runStartupBench(): Promise<void> {
  work = mkdtempSync(path.join(tmpdir(), 'startup-bench-'));
  hookFile = path.join(work, 'cpu-hook.cjs');
  cpuFile = path.join(work, 'cpu.txt');
  writeFileSync(hookFile, HOOK);
  try {
    // A fresh build, so that no run below rebuilds (bin/campaign-desk.js rebuilds when a source is newer).
    const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-node.mjs')], {
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(built.stderr);
    const data = path.join(work, 'demo');
    await command([BIN, '--data-dir', data, 'demo'])();
    const settings = JSON.parse(readFileSync(path.join(data, 'settings.json'), 'utf8')) as {
      phases: { start: string }[];
      campaignStart: string;
    };
    // The calendar month the second phase starts in: a month of the campaign with every kind of record.
    const month = (settings.phases[1]?.start ?? settings.campaignStart).slice(0, 7);
    const [y, m] = month.split('-').map(Number);
    const from = `${month}-01`;
    const to = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
    const files = readdirSync(data).filter((f) => f.endsWith('.json')).length + 1;
    console.log(
      `演示数据目录：${files} 个 JSON 文件；每项 ${RUNS} 对，CPU = 子进程 user+sys（含 node 自身启动），全部经 bin/campaign-desk.js`,
    );

    printComparison({
      title: 'campaign-desk --help',
      what: 'node bin/campaign-desk.js --help（源码目录中先检查构建是否过期，再载入 out/node/cli.js 与命令列表，打印帮助）',
      baseline: 'node -e 0',
      unit: 'ms CPU',
      samples: await paired(cpuOf(command([BIN, '--help'])), cpuOf(command(['-e', '0'])), RUNS),
      budget: { ratio: 3 },
    });

    const indicators = command([BIN, '--data-dir', data, 'indicators', '--from', from, '--to', to, '--json']);
    const shown = JSON.parse((await indicators()).stdout) as unknown[];
    printComparison({
      title: `campaign-desk indicators --json（演示数据，${from}～${to}，${shown.length} 项指标）`,
      what: '打开数据目录（目录锁、读入并核对全部文件、账户与操作日志检查）、经路由计算本期与累计的全部指标、输出 JSON、关闭',
      baseline: `node bench/startup/read-data.mjs：读入并解析同样的 ${files} 个 JSON 文件（数据目录的 *.json 与操作日志的 head.json），输出 JSON`,
      unit: 'ms CPU',
      samples: await paired(
        cpuOf(indicators),
        cpuOf(command([path.join(BASELINES, 'read-data.mjs'), data])),
        RUNS,
      ),
      budget: { ratio: 3 },
    });

    const appOut = path.join(work, 'monthly');
    const rawOut = path.join(work, 'monthly-raw');
    const monthly = command([BIN, '--data-dir', data, 'monthly', '--month', month, appOut]);
    await monthly();
    const written = readdirSync(appOut);
    const docx = readFileSync(
      path.join(
        appOut,
        written.find((f) => f.endsWith('.docx'))!,
      ),
    );
    const xlsx = readFileSync(
      path.join(
        appOut,
        written.find((f) => f.endsWith('.xlsx'))!,
      ),
    );
    const content = await contentOf(docx, xlsx);
    const contentFile = path.join(work, 'content.json');
    writeFileSync(contentFile, JSON.stringify(content));
    printComparison({
      title: `campaign-desk monthly --month ${month}（报告 ${content.paragraphs.length} 段，统计表 ${content.sheets.length} 张表 ${content.sheets.reduce((t, s) => t + s.cells.length, 0)} 个单元格）`,
      what: '打开数据目录、计算指标、生成工作情况报告（docx，GB/T 9704 版式）与统计表（exceljs，样式、合并、公式、打印设置）、写入文件夹、记操作日志、关闭',
      baseline:
        'node bench/startup/monthly-raw.mjs：读入并解析同样的 JSON 文件，docx Packer 写同样的段落文字（每段一个无格式的文字块），exceljs 在同名的表上写同样位置的同样值、公式与合并区域（无样式），写出两个文件；指标不计算（文字与单元格取自本软件的输出）',
      unit: 'ms CPU',
      samples: await paired(
        cpuOf(monthly),
        cpuOf(command([path.join(BASELINES, 'monthly-raw.mjs'), data, contentFile, rawOut])),
        RUNS,
      ),
      budget: { ratio: 2 },
    });

    const plain = server([path.join(BASELINES, 'web-plain.mjs'), data]);
    for (const [label, args] of [
      ['out/node/web.js（网页版程序本身）', [path.join(ROOT, 'out/node/web.js'), '--data-dir', data]],
      [
        'npm run web 所运行的 scripts/web.mjs（检查构建后启动网页版）',
        [path.join(ROOT, 'scripts/web.mjs'), '--data-dir', data],
      ],
    ] as const) {
      const web = server([...args]);
      const runs = await paired(web, plain, RUNS);
      const samples = (pick: (r: Run) => number) => ({ app: runs.app.map(pick), raw: runs.raw.map(pick) });
      printComparison({
        title: `网页版启动到第一个接口答复：${label}`,
        what: '启动进程 → 打开数据目录、建好应用 → 在 127.0.0.1 监听并打印地址 → 答复 POST /api/app:info（带令牌）的时间',
        baseline:
          'node bench/startup/web-plain.mjs：读入同样的 JSON 文件，监听并打印带令牌的地址，核对令牌后答复同一请求',
        samples: samples((r) => r.wall),
        budget: { ratio: 3 },
      });
      printComparison({
        title: `  同上，CPU 时间（到答复时为止）`,
        what: '同上，全部进程的 user+sys',
        baseline: '同上',
        unit: 'ms CPU',
        samples: samples((r) => r.cpu),
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

// Run on its own: node bin/run-ts.js bench/startup-bench.ts
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  await runStartupBench();
