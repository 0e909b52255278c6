/**
 * The Charts service fake: a data table and a bar chart built as the add-on builds them, counted as builder
 * calls except Chart.getAs; misuse refused; the PNG from the spreadsheet's chartRenderer when one is set.
 */
import { unwrap } from '../../dev/fakes/fakeObject';
import type { ChartSpecRecord } from '../../dev/fakes/chart';
import { runtime } from './helpers';

function statesTable(rt: ReturnType<typeof runtime>): GoogleAppsScript.Charts.DataTableBuilder {
  const { Charts } = rt.services;
  return Charts.newDataTable()
    .addColumn(Charts.ColumnType.STRING, 'Состояние строк')
    .addColumn(Charts.ColumnType.NUMBER, 'Строк')
    .addRow(['В порядке', 3])
    .addRow(['Просрочено', 1]);
}

describe('Charts', () => {
  it('builds a bar chart from a data table; only getAs is a round trip; tests read what was drawn', () => {
    const rt = runtime();
    const { Charts } = rt.services;
    const { result: blob, calls } = rt.measure(() =>
      Charts.newBarChart()
        .setDataTable(statesTable(rt))
        .setTitle('Состояние строк реестра')
        .setDimensions(480, 320)
        .build()
        .getAs('image/png'),
    );
    expect(blob.getContentType()).toBe('image/png');
    expect(blob.getName()).toBe('Состояние строк реестра.png');
    expect(calls.roundTrips).toBe(1);
    expect(calls.byMethod['Chart.getAs']).toBe(1);
    expect(calls.byMethod['Charts.newBarChart']).toBe(1);
    expect(unwrap(Charts).built).toEqual([
      expect.objectContaining({
        type: 'BAR',
        options: { title: 'Состояние строк реестра', width: 480, height: 320 },
        dataTable: {
          columns: [
            { type: 'STRING', label: 'Состояние строк' },
            { type: 'NUMBER', label: 'Строк' },
          ],
          rows: [
            ['В порядке', 3],
            ['Просрочено', 1],
          ],
        },
      }),
    ]);
  });

  it('accepts a built data table too, and draws with the spreadsheet’s chartRenderer', () => {
    const rt = runtime();
    const drawn: Array<{ spec: ChartSpecRecord; sheet: unknown }> = [];
    unwrap(rt.spreadsheet).chartRenderer = (spec, sheet) => {
      drawn.push({ spec, sheet });
      return Buffer.from('drawn');
    };
    const chart = rt.services.Charts.newBarChart()
      .setDataTable(statesTable(rt).build() as unknown as GoogleAppsScript.Charts.DataTableSource)
      .build();
    expect(chart.getBlob().getDataAsString()).toBe('drawn');
    expect(drawn[0]?.sheet).toBeNull();
    expect(drawn[0]?.spec.dataTable?.rows).toEqual([
      ['В порядке', 3],
      ['Просрочено', 1],
    ]);
  });

  it('refuses misuse as Apps Script would: no data table, rows of the wrong shape or type, bad sizes', () => {
    const rt = runtime();
    const { Charts } = rt.services;
    expect(() => Charts.newBarChart().setTitle('Без данных').build()).toThrow(/data table/i);
    expect(() => statesTable(rt).addRow(['Лишний', 1, 2])).toThrow(/number of values/);
    expect(() => statesTable(rt).addRow([1, 'один'])).toThrow(/not of type STRING/);
    expect(() => statesTable(rt).addColumn(Charts.ColumnType.NUMBER, 'Поздно')).toThrow(/before rows/);
    expect(() => Charts.newBarChart().setDimensions(0, 320)).toThrow(/Invalid argument/);
    expect(() => Charts.newBarChart().setDataTable(statesTable(rt)).build().getAs('image/svg+xml')).toThrow(
      /not supported/,
    );
    expect(() => Charts.newColumnChart()).toThrow('not implemented in fake: Charts.newColumnChart');
  });
});
