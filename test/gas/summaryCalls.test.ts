/**
 * Service calls of the daily check and of the summary preview and send do not grow with the register: the
 * same count at 100 and at 1,000 rows (the same eight letters go in both). `SHOW_CALLS=1` prints them.
 */
import type { CallSnapshot } from '../../dev/fakes/callCounter';
import type { Runtime } from '../../dev/runtime';
import { COORDINATOR, createRegisterRuntime, pageRow, scriptRunAs, type RowSpec } from './registerRuntime';

// Ten events at 100 rows, thirty at 1,000: both fit in the letter's body (each event carries ОГРН, persons,
// ЕСИА, Госметка and «Госпаблики», so a hundred would go into the .csv attachment, one call more).
const pending = (index: number): boolean => index % 10 === 0 && index < 300;

function rows(count: number): RowSpec[] {
  return Array.from({ length: count }, (_, index) =>
    pageRow(`P${index}`, {
      organization: `Учреждение ${index}`,
      createdOn: pending(index) ? '2026-01-12' : '2025-11-03',
      deptReportedCreation: pending(index) ? '' : '2025-11-03',
      tsurReportedCreation: pending(index) ? '' : '2025-11-05',
      responsibleEmail: `person${index % 7}@shpakovsky.example.ru`,
    }),
  );
}

interface Measured {
  preview: CallSnapshot;
  send: CallSnapshot;
  daily: CallSnapshot;
}

function measure(count: number): Measured {
  const rt: Runtime = createRegisterRuntime({
    today: '2026-01-20',
    rows: rows(count),
    mailQuota: 1500,
  });
  rt.menu('menuDailyCheckOn');
  const daily = rt.measure(() => rt.fireTimeDriven('dailyCheck'));
  expect(daily.result).toMatchObject({ status: 'done', failures: [] });
  expect(rt.mail).toHaveLength(8); // the coordinators' digest and seven responsible persons
  const preview = rt.measure(() => rt.menu('menuTsurSummary'));
  const panel = rt.ui.panels.find((shown) => shown.title === 'Сводка для ЦУР')!;
  const token = /data-token="([^"]*)"/.exec(panel.html)![1]!.replace(/&quot;/g, '"');
  const send = rt.measure(() => scriptRunAs(rt, COORDINATOR, 'summarySend', token));
  expect(send.result).toMatchObject({ status: 'sent' });
  return { preview: preview.calls, send: send.calls, daily: daily.calls };
}

describe('service calls', () => {
  const small = measure(100);
  const large = measure(1000);

  it.each(['preview', 'send', 'daily'] as const)('%s: the same at 100 and 1,000 rows', (operation) => {
    // At 1,000 rows the coordinators' digest (200 overdue obligations) passes the body limit and carries its
    // full text as an attachment: one Utilities.newBlob more, whatever the number of rows beyond that.
    const blobs =
      (large[operation].byMethod['Utilities.newBlob'] ?? 0) - (small[operation].byMethod['Utilities.newBlob'] ?? 0);
    expect(blobs).toBeLessThanOrEqual(1);
    expect(large[operation].roundTrips - blobs).toBe(small[operation].roundTrips);
    expect(large[operation].byMethod['Range.getValues']).toBe(small[operation].byMethod['Range.getValues']);
    expect(large[operation].byMethod['Range.setValues'] ?? 0).toBe(small[operation].byMethod['Range.setValues'] ?? 0);
  });

  it('stays within a fixed budget', () => {
    expect(large.preview.roundTrips).toBeLessThanOrEqual(30);
    expect(large.send.roundTrips).toBeLessThanOrEqual(50);
    // Eight of them MailApp.sendEmail; about ten the highlighting's refresh, which this first run makes (as on
    // the first working day of a month, or after the calendar changed). Issue 11 added the deferred reminders'
    // property, the digest's attachment and the trigger's check (this user's triggers, their handler and ID,
    // the effective user). This register was never set up, so the context cache is empty: the sheets are read
    // and the cache filled (a few calls more).
    expect(large.daily.roundTrips).toBeLessThanOrEqual(85);
    if (process.env.SHOW_CALLS) console.log(JSON.stringify({ 100: small, 1000: large }, null, 1));
  });
});
