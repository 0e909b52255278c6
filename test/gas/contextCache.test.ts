/**
 * The context cache (src/gas/platform/contextCache.ts, registerRead.ts) from the built bundle: setup fills it,
 * the operations use it, an edit of «Настройки», of the calendar or of the header row makes it stale,
 * an evicted or stale entry falls back to the sheets — and a column moved without any edit (no onEdit
 * fires for that) is never written to by a cached position.
 */
import { CONTEXT_KEY, VERSION_KEY } from '../../src/gas/platform/contextCache';
import { CLERK, cell, fillSheet, newRuntime, sheetOf } from './registerHarness';
import { FULL_ROWS, TODAY, fullRegisterRows } from './registerFixtures';

type Runtime = ReturnType<typeof newRuntime>;

/** The fake document cache itself (not counted): its entries and evictAll(). */
function documentCache(rt: Runtime): { entries: Map<string, { value: string }>; evictAll(): void } {
  return (
    rt.services.CacheService as unknown as { document: { entries: Map<string, { value: string }>; evictAll(): void } }
  ).document;
}

function setUp(): Runtime {
  const rt = newRuntime(TODAY);
  fillSheet(rt, 'Реестр', fullRegisterRows());
  rt.menu('menuSetup');
  return rt;
}

const version = (rt: Runtime): string | undefined => documentCache(rt).entries.get(VERSION_KEY)?.value;

describe('the context cache', () => {
  it('setup writes a version and the context; the check then reads no other sheet', () => {
    const rt = setUp();
    expect(version(rt)).toBeDefined();
    expect(JSON.parse(documentCache(rt).entries.get(CONTEXT_KEY)?.value ?? '{}')).toMatchObject({
      registerName: 'Реестр',
      headerRow: 1,
      timeZone: 'Europe/Moscow',
      version: version(rt),
    });
    const { calls } = rt.measure(() => rt.menu('menuCheckRegister'));
    expect(calls.byMethod['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(calls.byMethod['Range.getValues']).toBe(1);
  });

  it('an edit of «Настройки», of the calendar or of the header row makes the context stale', () => {
    const rt = setUp();
    for (const [sheet, row] of [
      ['Настройки', 2],
      ['Производственный календарь', 3],
      ['Реестр', 1],
    ] as const) {
      const before = version(rt);
      rt.simulateEdit(
        rt.quietly(() => sheetOf(rt, sheet).getRange(row, 1)),
        { user: CLERK },
      );
      expect(version(rt)).not.toBe(before);
    }
    // An edit of a data row leaves it.
    const before = version(rt);
    rt.simulateEdit(
      rt.quietly(() => sheetOf(rt, 'Реестр').getRange(FULL_ROWS.reported, 2)),
      { user: CLERK },
    );
    expect(version(rt)).toBe(before);
  });

  it('an evicted cache falls back to the sheets, gives the same result and is filled again', () => {
    const rt = setUp();
    rt.menu('menuCheckRegister');
    const states = rt.quietly(() => sheetOf(rt, 'Реестр').getDataRange().getValues());
    documentCache(rt).evictAll();
    const { calls } = rt.measure(() => rt.menu('menuCheckRegister'));
    // Read from the sheets (the time zone is read only then); the register at the layout setup stored in
    // the document properties, its header checked (registerLayout.ts): no sheet looked up by name.
    expect(calls.byMethod['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(calls.byMethod['Properties.getProperties']).toBe(1);
    expect(calls.byMethod['Spreadsheet.getSheetByName']).toBeUndefined();
    expect(calls.byMethod['Cache.put']).toBe(1);
    // The register from its header row down once, «Настройки» and the calendar once each.
    expect(calls.byMethod['Range.getValues']).toBe(3);
    expect(calls.byMethod['Sheet.getLastRow']).toBeUndefined();
    expect(rt.quietly(() => sheetOf(rt, 'Реестр').getDataRange().getValues())).toEqual(states);
    const again = rt.measure(() => rt.menu('menuCheckRegister'));
    expect(again.calls.byMethod['Spreadsheet.getSheetByName']).toBeUndefined();
  });

  it('holds «Настройки» and the calendar parsed; an entry of the older shape (raw rows) is read as none', () => {
    const rt = setUp();
    const entries = documentCache(rt).entries;
    const stored = JSON.parse(entries.get(CONTEXT_KEY)?.value ?? '{}') as Record<string, unknown>;
    expect(stored.sheets).toMatchObject({
      settings: { exists: true, settings: { districtName: expect.any(String) } },
      calendar: {
        exists: true,
        entries: expect.arrayContaining([{ date: '2026-01-09', kind: 'holiday', basis: expect.any(String) }]),
      },
    });
    const { sheets: _sheets, ...older } = stored;
    const entry = entries.get(CONTEXT_KEY) as { value: string };
    entry.value = JSON.stringify({ ...older, settingsRows: [['Параметр', 'Значение']], calendarRows: null });
    const { calls } = rt.measure(() => rt.menu('menuCheckRegister'));
    expect(calls.byMethod['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
    expect(calls.byMethod['Cache.put']).toBe(1);
    expect(JSON.parse(entries.get(CONTEXT_KEY)?.value ?? '{}')).toHaveProperty('sheets.calendar.exists', true);
  });

  it('an edit with the cache expired writes exactly what it writes with the cache (it reads the same key columns)', () => {
    const edited = (evicted: boolean) => {
      const rt = setUp();
      if (evicted) documentCache(rt).evictAll();
      // Row 10 takes row 3's page: an error of row 10 naming row 3, found from the key columns alone.
      const link = cell(rt, 'Реестр', FULL_ROWS.dueTomorrow, 'Ссылка на страницу');
      const { calls } = rt.measure(() =>
        rt.simulateEdit(
          rt.quietly(() => sheetOf(rt, 'Реестр').getRange(FULL_ROWS.weakRow, 5)),
          { value: link, user: CLERK },
        ),
      );
      const range = rt.quietly(() => sheetOf(rt, 'Реестр').getDataRange());
      // Setup gives each runtime its own random IDs: the rest of every row is compared.
      const values = rt.quietly(() => range.getValues()).map((cells) => cells.slice(1));
      const state = cell(rt, 'Реестр', FULL_ROWS.weakRow, 'Состояние');
      return { calls, values, notes: rt.quietly(() => range.getNotes()), state };
    };
    const cold = edited(true);
    const warm = edited(false);
    expect(cold.values).toEqual(warm.values);
    expect(cold.notes).toEqual(warm.notes);
    expect(cold.state).toBe('Ошибки заполнения');
    expect(JSON.stringify(cold.notes)).toContain('уже внесена в строке 3');
    // The context read from the sheets is stored for the next edit (the cells it reads: test/bench).
    expect(cold.calls.byMethod['Cache.put']).toBe(1);
    expect(warm.calls.byMethod['Cache.put']).toBeUndefined();
  });

  it('a column inserted without an edit (no onEdit fires): the check writes only «Срок» and «Состояние», by the header it reads', () => {
    const rt = setUp();
    const sheet = sheetOf(rt, 'Реестр');
    // Inserting a column fires no onEdit: the cache still holds the old positions.
    rt.quietly(() => sheet.insertColumnBefore(3));
    const width = rt.quietly(() => sheet.getLastColumn());
    const before = rt.quietly(() => sheet.getRange(1, 1, 12, width).getValues());
    rt.menu('menuCheckRegister');
    const after = rt.quietly(() => sheet.getRange(1, 1, 12, width).getValues());
    // Only «Срок» and «Состояние» (by their headers) may differ; the inserted column stays empty.
    const header = after[0] as unknown[];
    const computed = new Set([header.indexOf('Срок'), header.indexOf('Состояние')]);
    after.forEach((cells, rowIndex) =>
      cells.forEach((value, column) => {
        if (!computed.has(column))
          expect([rowIndex, column, value]).toEqual([rowIndex, column, before[rowIndex]?.[column]]);
      }),
    );
    expect(cell(rt, 'Реестр', FULL_ROWS.exemption, 'Состояние')).toBe('Освобождение (п. 4)');
  });
});
