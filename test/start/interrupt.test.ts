/**
 * Ctrl-C in a terminal sends SIGINT to the whole process group: npm, the shell and node, and npm relays
 * it to its child once more. The run must save register.xlsx once, with the sidebar's change, however
 * many signals arrive. Each run here is `npm run start:built` (what `npm start` runs after the build)
 * spawned detached, so it has a process group of its own to signal, as a terminal would.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadXlsx } from '../../dev/spreadsheetFiles';
import { newPageInput } from '../ui/sidebarFixture';

const ROOT = join(__dirname, '..', '..');
const RUNS = 5;

interface Interrupted {
  stdout: string;
  answer: unknown;
  saved: boolean;
  leftovers: string[];
}

/** One `npm start`: save a page through the sidebar, then SIGINT to the process group right after the answer. */
async function saveThenCtrlC(out: string, index: number): Promise<Interrupted> {
  const link = `https://vk.com/ctrl_c_${index}`;
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(
    'npm',
    ['run', '--silent', 'start:built', '--', '--today', '2026-12-01', '--out', out, '--port', String(port)],
    { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  // 'close' waits for every process holding the output pipes, node included, not only npm.
  const closed = new Promise<void>((done) => child.on('close', () => done()));
  const group = -(child.pid ?? 0);
  let answer: unknown = null;
  try {
    let url: string | undefined;
    for (let waited = 0; url === undefined; waited += 100) {
      if (waited > 60_000 || child.exitCode !== null) throw new Error(`no sidebar URL in:\n${stdout}`);
      await new Promise((done) => setTimeout(done, 100));
      url = /Боковая панель: (http:\/\/\S+\/)/.exec(stdout)?.[1];
    }
    const response = await fetch(`${url}__google_script_run/sidebarSubmit`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([newPageInput({ link, createdOn: '2026-12-01' }), `ctrl-c-${index}-0001`]),
    });
    answer = await response.json();
  } finally {
    process.kill(group, 'SIGINT');
  }
  await closed;
  const book = await loadXlsx(join(out, 'register.xlsx'));
  const rows = book.getSheetByName('Реестр')?.getDataRange().getValues() ?? [];
  return {
    stdout,
    answer,
    saved: rows.some((row) => row.includes(link)),
    leftovers: readdirSync(out).filter((name) => name.endsWith('.tmp')),
  };
}

let work: string;
let runs: Interrupted[];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'npm-start-ctrl-c-'));
  // One after another: five at once would starve the other npm start tests on a busy machine.
  runs = [];
  for (let index = 0; index < RUNS; index += 1) runs.push(await saveThenCtrlC(join(work, `run${index}`), index));
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('Ctrl-C after a sidebar save (SIGINT to the process group)', () => {
  it(`keeps the change in register.xlsx in ${RUNS} runs of ${RUNS}`, () => {
    expect(runs.map((run) => run.answer)).toEqual(
      Array.from({ length: RUNS }, () =>
        expect.objectContaining({ ok: true, value: expect.objectContaining({ ok: true, created: true }) }),
      ),
    );
    expect(runs.map((run) => run.saved)).toEqual(Array.from({ length: RUNS }, () => true));
  });

  it('says «Сохраняю…», saves once and leaves no temporary file', () => {
    for (const run of runs) {
      expect(run.stdout).toContain('Сохраняю…');
      expect(run.stdout.match(/Запросов «Сохранить» из боковой панели: 1\./g)).toHaveLength(1);
      expect(run.leftovers).toEqual([]);
    }
  });
});
