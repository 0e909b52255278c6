/**
 * The control letter's chart (п. 6), drawn by the Charts service from the letter's own figures
 * (controlChartRows): the states chart of «Обзор» (STATES_CHART) without reading «Обзор», so the picture
 * shows what the letter's text says even when someone moved, re-ranged or deleted the sheet's chart. The
 * data table and chart builders stay in the script; getAs is the one server call. The only code touching
 * Charts.
 */
import { STATES_CHART, TABLE_TITLES } from '../../domain/overview';
import { errorText } from '../platform/mail';

/** The PNG, or why there is none (in Russian, for the journal). */
export type ControlChart = { image: GoogleAppsScript.Base.Blob } | { image: null; reason: string };

/** The bar chart of `rows` ([state, rows in it]) as PNG; never throws. */
export function controlChartImage(rows: ReadonlyArray<readonly [string, number]>): ControlChart {
  if (rows.length === 0) return { image: null, reason: 'в реестре нет строк' };
  try {
    const table = Charts.newDataTable()
      .addColumn(Charts.ColumnType.STRING, TABLE_TITLES.states)
      .addColumn(Charts.ColumnType.NUMBER, STATES_CHART.countHeader);
    for (const [state, count] of rows) table.addRow([state, count]);
    const image = Charts.newBarChart()
      .setDataTable(table)
      .setTitle(STATES_CHART.title)
      .setDimensions(STATES_CHART.width, STATES_CHART.height)
      .build()
      .getAs('image/png');
    return { image };
  } catch (error) {
    return { image: null, reason: `служба диаграмм Google (Charts) не построила её: ${errorText(error)}` };
  }
}
