/**
 * The register in the offline runtime with the built bundle, for the sidebar's server and browser
 * tests: «Реестр» with every catalogue column plus a column of the users' own, a few pages, and the
 * sidebar served over HTTP by dev/sidebarServer.ts with google.script.run bridged to the bundle.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { COLUMNS } from '../../src/domain/columns';
import type { ColumnKey, IsoDate, PageInput } from '../../src/domain/types';
import { emptyInput } from '../../src/ui/form/model';
import { createRuntime, type Runtime } from '../../dev/runtime';
import { startSidebarServer, type SidebarServer, type SidebarServerOptions } from '../../dev/sidebarServer';

export const OWNER = 'owner@shpakovsky.example.ru';
export const CLERK = 'clerk@shpakovsky.example.ru';
/** A column of the users' own, between catalogue columns: the sidebar must never touch it. */
export const OWN_COLUMN = 'Наш комментарий';

export type RowSpec = Partial<Record<ColumnKey, string | boolean>> & { own?: string };

const DATE_KEYS = new Set(COLUMNS.filter((column) => column.kind === 'date').map((column) => column.key));
const CHECKBOX_KEYS = new Set(COLUMNS.filter((column) => column.kind === 'checkbox').map((column) => column.key));

/** Midnight of a day in Moscow: what a date cell holds. */
export function moscowDay(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+03:00`);
}

/** The header: the catalogue with the users' own column after «Организация». */
export const HEADERS: string[] = [
  ...COLUMNS.slice(0, 2).map((column) => column.header),
  OWN_COLUMN,
  ...COLUMNS.slice(2).map((column) => column.header),
];

function rowValues(spec: RowSpec): unknown[] {
  const cells = COLUMNS.map((column) => {
    const value = spec[column.key];
    if (value === undefined) return CHECKBOX_KEYS.has(column.key) ? false : '';
    if (typeof value === 'string' && DATE_KEYS.has(column.key) && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      return moscowDay(value);
    }
    return value;
  });
  return [...cells.slice(0, 2), spec.own ?? '', ...cells.slice(2)];
}

/** A complete, valid page; `fields` override. */
export function pageRow(id: string, fields: RowSpec = {}): RowSpec {
  return {
    id,
    organization: `Организация ${id}`,
    orgKind: 'Структурное подразделение',
    network: 'ВКонтакте',
    link: `https://vk.com/page_${id.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    createdOn: '2024-03-01',
    responsibleName: 'Петров Пётр Петрович',
    responsiblePosition: 'Заместитель главы администрации',
    responsibleEmail: 'petrov@shpakovsky.example.ru',
    authorizedName: 'Сидорова Анна Ивановна',
    esiaVerified: true,
    deptReportedCreation: '2024-03-01',
    tsurReportedCreation: '2024-03-04',
    state: 'Сообщено',
    ...fields,
  };
}

export interface SidebarSetup {
  today: IsoDate;
  rows: RowSpec[];
  user?: string;
  /** No «Реестр» at all. */
  noRegister?: boolean;
}

export function createSidebarRuntime(setup: SidebarSetup): Runtime {
  const rt = createRuntime({
    owner: OWNER,
    user: setup.user ?? CLERK,
    editors: [CLERK],
    now: new Date(`${setup.today}T10:00:00+03:00`),
  });
  if (!setup.noRegister) {
    rt.quietly(() => {
      const sheet = rt.spreadsheet.insertSheet('Реестр');
      const values = [HEADERS, ...setup.rows.map(rowValues)];
      // A longer register gets room to spare, as a sheet people fill does.
      const missing = values.length - sheet.getMaxRows();
      if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing + 100);
      sheet.getRange(1, 1, values.length, HEADERS.length).setValues(values);
    });
  }
  rt.loadBundle();
  return rt;
}

/** The register's values and formulas as the sheet holds them now. */
export function registerValues(rt: Runtime): { values: unknown[][]; formulas: string[][] } {
  return rt.quietly(() => {
    const range = rt.spreadsheet.getSheetByName('Реестр')!.getDataRange();
    return { values: range.getValues(), formulas: range.getFormulas() };
  });
}

/** One data row by its ID as a record header → value. */
export function rowById(rt: Runtime, id: string): Record<string, unknown> | null {
  const { values } = registerValues(rt);
  const [header, ...rows] = values as [string[], ...unknown[][]];
  const row = rows.find((cells) => cells[0] === id);
  return row ? Object.fromEntries(header.map((name, index) => [name, row[index]])) : null;
}

/** The sidebar as the menu item opens it, served with google.script.run bridged to the runtime. */
export async function serveSidebar(
  rt: Runtime,
  options: Pick<SidebarServerOptions, 'beforeCall'> = {},
): Promise<SidebarServer> {
  return startSidebarServer({
    ...options,
    call: (name, args) => rt.scriptRun(name, ...args),
    html: () => {
      rt.menu('menuOpenSidebar');
      const panel = rt.ui.panels[rt.ui.panels.length - 1];
      if (!panel || panel.kind !== 'sidebar') throw new Error('the menu item opened no sidebar');
      return panel.html;
    },
  });
}

/** Three pages, the usual ground of the sidebar tests: rows 2, 3 and 4. */
export function threePages(today: IsoDate): Runtime {
  return createSidebarRuntime({
    today,
    rows: [
      pageRow('P-AAAAAAAA', {
        organization: 'Администрация Шпаковского округа',
        orgKind: 'Администрация округа',
        own: 'своё 1',
      }),
      pageRow('P-BBBBBBBB', {
        organization: 'МБУК «Дом культуры»',
        orgKind: 'Подведомственная организация',
        link: 'https://vk.com/dk_shpak',
      }),
      pageRow('P-CCCCCCCC', {
        organization: 'Отдел образования',
        network: 'Одноклассники',
        link: 'https://ok.ru/obrazovanie',
      }),
    ],
  });
}

/** A row as departments left it: text in a date column («удалена в марте») and in a checkbox column («частично»). */
export function legacyPage(today: IsoDate): Runtime {
  return createSidebarRuntime({
    today,
    rows: [
      pageRow('P-LEGACY01', {
        organization: 'МКУ «Архив»',
        link: 'https://vk.com/archive_shpak',
        deletedOn: 'удалена в марте',
        esiaVerified: 'частично',
      }),
    ],
  });
}

/** A valid new page as the sidebar sends it (created the day before the tests' 27.04.2024). */
export function newPageInput(fields: Partial<PageInput> = {}): PageInput {
  return {
    ...emptyInput(),
    organization: 'Комитет по культуре',
    orgKind: 'Структурное подразделение',
    network: 'ВКонтакте',
    link: 'https://vk.com/kultura_shpak',
    createdOn: '2024-04-26',
    responsibleName: 'Иванова Мария Сергеевна',
    responsiblePosition: 'Председатель комитета',
    responsibleEmail: 'ivanova@shpakovsky.example.ru',
    authorizedName: 'Смирнов Олег',
    esiaVerified: true,
    ...fields,
  };
}

/** `npm start` (its built half, `npm run start:built`) running in a process group of its own. */
export interface NpmStart {
  /** The sidebar it serves. */
  url: string;
  /** Ctrl-C in its terminal: SIGINT to the whole group; resolves with everything it printed once it has exited. */
  interrupt(): Promise<string>;
}

/**
 * Starts `npm start` on the sample register as a person would, detached so that a SIGINT to its
 * process group is what Ctrl-C in a terminal sends (npm, the shell and node alike; see
 * test/start/interrupt.test.ts). Resolves once it prints the sidebar's address.
 */
export async function startNpmStart(out: string, today: IsoDate): Promise<NpmStart> {
  const port = String(20_000 + Math.floor(Math.random() * 20_000)); // taken: npm start picks a free one
  const child = spawn('npm', ['run', '--silent', 'start:built', '--', '--today', today, '--out', out, '--port', port], {
    cwd: join(__dirname, '..', '..'),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (printed += chunk));
  // 'close' waits for every process holding the output pipes, node included, not only npm.
  const closed = new Promise<void>((done) => child.on('close', () => done()));
  const interrupt = async (): Promise<string> => {
    if (child.exitCode === null) process.kill(-(child.pid ?? 0), 'SIGINT');
    await closed;
    return printed;
  };
  for (let waited = 0; ; waited += 100) {
    const url = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed)?.[1];
    if (url !== undefined) return { url, interrupt };
    if (waited > 90_000 || child.exitCode !== null) {
      await interrupt();
      throw new Error(`npm start printed no sidebar address:\n${printed}`);
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}
