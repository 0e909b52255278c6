/**
 * `npm start -- --send` on a register whose «E-mail ответственного» holds outside addresses (issue 11): the
 * register is the sample with two responsible persons' addresses replaced, in a file of its own with a
 * «Настройки» sheet naming the coordinators. report.json's `mail` shows no letter to the outsiders, the
 * rows carry the warning, and the ЦУР letter is still sent.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSpreadsheet } from '../../dev/runtime';
import { saveXlsx } from '../../dev/spreadsheetFiles';
import { SAMPLE_COLUMNS, SAMPLE_COORDINATOR, SAMPLE_SETTINGS, sampleRegisterInput } from '../../dev/sample/register';
import { SETTINGS_HEADERS, SETTING_BY_KEY } from '../../src/domain/settings';

const ROOT = join(__dirname, '..', '..');
const OUTSIDERS: Record<string, string> = {
  'economy@shpakovsky.example.ru': 'gosuslugi-check@evil.example.com',
  'efremova.nb@shpakovsky.example.ru': 'efremova@gmail.example.com',
};

interface ReportJson {
  mail: Array<{ to: string; kind: string; subject: string; links: string[] }>;
  rows: Array<{ row: number; problems: Array<{ column: string; severity: string; message: string }> }>;
}

let work: string;
let report: ReportJson;
let stdout = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'npm-start-outside-'));
  const book = createSpreadsheet({ owner: SAMPLE_COORDINATOR, timeZone: 'Europe/Moscow', firstSheet: 'Реестр' });
  const values = sampleRegisterInput();
  const email = SAMPLE_COLUMNS.findIndex((column) => column.key === 'responsibleEmail');
  const rows = values.map((row, index) => {
    const copy = [...row];
    const address = String(copy[email] ?? '');
    if (index > 0 && OUTSIDERS[address]) copy[email] = OUTSIDERS[address]!;
    return copy;
  });
  book.getSheetByName('Реестр')!.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
  const settings = [
    [...SETTINGS_HEADERS],
    [SETTING_BY_KEY.coordinators.label, SAMPLE_SETTINGS.coordinators.join(', '), ''],
    [SETTING_BY_KEY.tsurRecipients.label, SAMPLE_SETTINGS.tsurRecipients.join(', '), ''],
  ];
  book.insertSheet('Настройки').getRange(1, 1, settings.length, 3).setValues(settings);
  const file = join(work, 'outside.xlsx');
  await saveXlsx(book, file);
  const out = join(work, 'out');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['dev/start.ts', '--no-serve', '--today', '2026-12-01', '--send', '--register', file, '--out', out],
      { cwd: ROOT },
    );
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as ReportJson;
}, 40_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm start --send on a register with outside addresses', () => {
  it('sends no letter to them, still reminds the others, and sends the ЦУР letter', () => {
    const recipients = report.mail.flatMap((mail) => mail.to.split(', '));
    for (const outsider of Object.values(OUTSIDERS)) expect(recipients).not.toContain(outsider);
    expect(report.mail.some((mail) => mail.kind === 'reminder')).toBe(true);
    const tsur = report.mail.filter((mail) => mail.kind === 'tsur');
    expect(tsur.map((mail) => mail.to)).toEqual([SAMPLE_SETTINGS.tsurRecipients.join(', ')]);
  });

  it('marks their rows with the warning', () => {
    const warned = report.rows.filter((row) =>
      row.problems.some((problem) => problem.message.includes('напоминание на этот адрес не отправляется')),
    );
    expect(warned.length).toBeGreaterThanOrEqual(Object.keys(OUTSIDERS).length);
  });

  it('lists each letter with its kind, subject and the links of its HTML part (only pages and the register)', () => {
    for (const mail of report.mail) {
      expect(['digest', 'reminder', 'tsur', 'control', 'failure']).toContain(mail.kind);
      expect(mail.subject).not.toBe('');
      for (const href of mail.links)
        expect(href).toMatch(
          /^https?:\/\/(?:(?:www\.|m\.)?(?:vk\.com|vk\.ru|ok\.ru)|docs\.google\.com\/spreadsheets)\//,
        );
    }
    expect(report.mail.find((mail) => mail.kind === 'digest')?.links.length).toBeGreaterThan(0);
  });
});
