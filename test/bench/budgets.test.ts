/**
 * The benchmark's budgets, in CI at 1,000 rows against 100 (`npm run bench` measures up to 10,000): the
 * built bundle on generated registers (bench/generate.ts), every operation of bench/scenario.ts.
 *
 *  - No operation's service calls grow with the register: the same calls, method by method, at 100 and
 *    1,000 rows. One stated exception: the daily check sends one reminder per responsible person with
 *    something to report, so its MailApp.sendEmail count grows with the number of distinct people (not
 *    rows), bounded by the addresses in the register (RESPONSIBLE_POOL in the generator, plus the
 *    recent rows' own) and by the mail quota; everything else it calls stays equal.
 *  - onEdit of one cell and of a 50-row paste stay within EDIT_BUDGET calls.
 *  - Every operation's estimated Apps Script time at 1,000 rows is within its limit, with room to spare.
 */
import { estimate, limitFor } from '../../bench/costModel';
import { RESPONSIBLE_POOL, generateRegister } from '../../bench/generate';
import { OPERATIONS, SIMPLE_TRIGGER_OPERATIONS, runScenario, type RunMeasurements } from '../../bench/scenario';

/**
 * Calls of onEdit (one cell or a paste), all methods: measured 29 and 28 (see the report of issue 7),
 * plus the one getFormulas with the register's read (a formula is never read as a person's text).
 */
const EDIT_BUDGET = 31;
/** The digests the daily check may add between 100 and 1,000 rows: one a person, never one a row. */
const MAIL_GROWTH_BOUND = RESPONSIBLE_POOL;

let small: RunMeasurements;
let large: RunMeasurements;

beforeAll(() => {
  small = runScenario(generateRegister(100), { naive: true });
  large = runScenario(generateRegister(1000), { naive: true });
}, 60_000);

function without(byMethod: Record<string, number>, method: string): Record<string, number> {
  const copy = { ...byMethod };
  delete copy[method];
  return copy;
}

describe('service calls do not grow with the register (100 → 1,000 rows)', () => {
  it.each(OPERATIONS.filter((operation) => operation !== 'dailyCheck'))(
    '%s: the same calls, method by method',
    (op) => {
      expect(large[op].calls.byMethod).toEqual(small[op].calls.byMethod);
    },
  );

  it('dailyCheck: the same calls except one reminder more per responsible person, bounded by the people', () => {
    expect(without(large.dailyCheck.calls.byMethod, 'MailApp.sendEmail')).toEqual(
      without(small.dailyCheck.calls.byMethod, 'MailApp.sendEmail'),
    );
    const grown =
      (large.dailyCheck.calls.byMethod['MailApp.sendEmail'] ?? 0) -
      (small.dailyCheck.calls.byMethod['MailApp.sendEmail'] ?? 0);
    expect(grown).toBeGreaterThanOrEqual(0);
    expect(grown).toBeLessThanOrEqual(MAIL_GROWTH_BOUND);
  });

  it('reads the register in one getValues and writes each column block once', () => {
    expect(large.check.calls.byMethod['Range.getValues']).toBe(4); // header, «Настройки», calendar, rows
    expect(large.check.calls.byMethod['Range.setValues']).toBe(1);
    expect(large.summaryPreview.calls.byMethod['Range.setValues']).toBeUndefined();
  });
});

describe('onEdit stays within a handful of calls', () => {
  it.each(['editCell', 'paste50'] as const)(`%s: at most ${EDIT_BUDGET} calls, none of them per row`, (op) => {
    expect(large[op].calls.total).toBeLessThanOrEqual(EDIT_BUDGET);
    expect(large[op].calls.byMethod['Range.getValues']).toBeLessThanOrEqual(4);
    expect(large[op].calls.byMethod['Range.setValue']).toBeUndefined();
    expect(large[op].calls.byMethod['Range.getValue']).toBeUndefined();
  });
});

describe('estimated Apps Script time at 1,000 rows', () => {
  it.each(OPERATIONS)('%s: under a quarter of its limit', (op) => {
    const measurement = large[op];
    const { totalMs } = estimate(measurement.calls, measurement.cells, measurement.nodeMs);
    expect(totalMs).toBeLessThan(limitFor(SIMPLE_TRIGGER_OPERATIONS.has(op)) / 4);
  });

  it('the naive check makes hundreds of times more calls, and more with every row', () => {
    const naiveSmall = small.naiveCheck?.calls.total ?? 0;
    const naiveLarge = large.naiveCheck?.calls.total ?? 0;
    expect(naiveLarge).toBeGreaterThan(100 * large.check.calls.total);
    expect(naiveLarge).toBeGreaterThan(5 * naiveSmall);
  });
});
