/**
 * The daily check records the day it ran, so that a second firing the same day sends nothing. A service
 * error writing that record must not make the day's letters go twice.
 */
import type { Runtime } from '../../dev/runtime';
import { COORDINATOR, createRegisterRuntime, pageRow } from '../gas/registerRuntime';

const SERVICE_ERROR = 'Service error: Properties';

function runtime(): Runtime {
  const rt = createRegisterRuntime({
    today: '2026-01-20',
    rows: [
      pageRow('P1', { createdOn: '2026-01-12', responsibleEmail: 'p1@shpakovsky.example.ru' }),
      pageRow('P2', { createdOn: '2026-01-19', responsibleEmail: 'p2@shpakovsky.example.ru' }),
    ],
  });
  rt.menu('menuDailyCheckOn', COORDINATOR);
  return rt;
}

describe('the daily check’s record of the day', () => {
  it('failing to be written: over two firings the same day, each person gets the day’s letter once', () => {
    const rt = runtime();
    // The first document-property write of the run fails: the record of the day, written with the run's other
    // records in one setProperties before the first letter (a transient error).
    rt.ctx.failOn('Properties.setProperties', 1, SERVICE_ERROR);
    rt.fireTimeDriven('dailyCheck');
    rt.fireTimeDriven('dailyCheck');
    rt.fireTimeDriven('dailyCheck');
    const digests = rt.mail.filter((mail) => !/не выполнена/.test(mail.subject)).map((mail) => mail.to);
    // The failed write stopped the first firing before any letter: its failure was mailed, nothing else.
    expect(rt.mail[0]?.subject).toMatch(/не выполнена/);
    expect(digests.length).toBeGreaterThan(1);
    expect(new Set(digests).size).toBe(digests.length);
  });
});
