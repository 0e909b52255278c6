/**
 * The full check written the way most published reminder scripts are: a loop over the rows with
 * getLastRow() in its condition, each cell read with getRange(r, c).getValue(), and «Срок» and
 * «Состояние» written cell by cell with setValue. It does less than ours (no holidays, no validation of
 * links, people or ОГРН, no duplicate pages), so the comparison flatters it. It runs against the same
 * fake spreadsheet, as the same user, and its calls are counted the same way.
 */
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const DAY = 86_400_000;

/** today + n weekdays (weekends skipped, holidays not known). */
function addWeekdays(from: Date, n: number): Date {
  let date = new Date(from.getTime());
  let left = n;
  while (left > 0) {
    date = new Date(date.getTime() + DAY);
    const weekday = date.getDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date;
}

function asDate(value: unknown): Date | null {
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return value as Date;
  if (typeof value === 'string') {
    const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value.trim());
    if (m) return new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1]));
  }
  return null;
}

/** Returns the number of rows checked. `headers` names the columns as they stand in the sheet. */
export function naiveCheck(
  app: SpreadsheetApp,
  sheetName: string,
  headers: {
    created: string;
    deleted: string;
    deptCreation: string;
    deptDeletion: string;
    tsurCreation: string;
    tsurDeletion: string;
    organization: string;
    link: string;
    deadline: string;
    state: string;
  },
  today: Date,
): number {
  const sheet = app.getActiveSpreadsheet().getSheetByName(sheetName);
  if (sheet === null) return 0;
  const column: Record<string, number> = {};
  for (let c = 1; c <= sheet.getLastColumn(); c++) column[String(sheet.getRange(1, c).getValue())] = c;
  const col = (header: string): number => {
    const found = column[header];
    if (found === undefined) throw new Error(`no column ${header}`);
    return found;
  };
  let checked = 0;
  for (let r = 2; r <= sheet.getLastRow(); r++) {
    const organization = sheet.getRange(r, col(headers.organization)).getValue();
    const link = sheet.getRange(r, col(headers.link)).getValue();
    if (organization === '' && link === '') continue;
    const created = asDate(sheet.getRange(r, col(headers.created)).getValue());
    const deleted = asDate(sheet.getRange(r, col(headers.deleted)).getValue());
    const deptCreation = sheet.getRange(r, col(headers.deptCreation)).getValue();
    const deptDeletion = sheet.getRange(r, col(headers.deptDeletion)).getValue();
    const tsurCreation = sheet.getRange(r, col(headers.tsurCreation)).getValue();
    const tsurDeletion = sheet.getRange(r, col(headers.tsurDeletion)).getValue();
    let state = 'Сообщено';
    let deadline: Date | string = '';
    const open = (event: Date | null, dept: unknown, tsur: unknown): void => {
      if (event === null) return;
      if (dept === '') {
        deadline = addWeekdays(event, 2);
        state = deadline < today ? 'Просрочено: отдел' : 'В срок';
      } else if (tsur === '') {
        deadline = addWeekdays(event, 3);
        state = deadline < today ? 'Просрочено: ЦУР' : 'В срок';
      }
    };
    open(created, deptCreation, tsurCreation);
    open(deleted, deptDeletion, tsurDeletion);
    sheet.getRange(r, col(headers.deadline)).setValue(deadline);
    sheet.getRange(r, col(headers.state)).setValue(state);
    checked += 1;
  }
  return checked;
}
