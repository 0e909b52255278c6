import fc from 'fast-check';
import { COLUMNS } from '../../src/domain/columns';
import { hasStatedError, STATED_COLUMNS, statedErrors } from '../../src/domain/statedColumns';
import type { Problem } from '../../src/domain/types';

const problem: fc.Arbitrary<Problem> = fc.record({
  column: fc.constantFrom(null, ...COLUMNS.map((column) => column.key)),
  severity: fc.constantFrom('error' as const, 'warning' as const),
  message: fc.constant('текст'),
});

describe('stated columns', () => {
  it('hasStatedError says exactly whether statedErrors lists anything', () => {
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 6 }), (problems) => {
        expect(hasStatedError({ problems })).toBe(statedErrors({ problems }).length > 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('counts an error in a stated column, not a warning there or an error elsewhere', () => {
    const [stated] = STATED_COLUMNS;
    expect(hasStatedError({ problems: [{ column: stated ?? null, severity: 'error', message: '' }] })).toBe(true);
    expect(hasStatedError({ problems: [{ column: stated ?? null, severity: 'warning', message: '' }] })).toBe(false);
    expect(hasStatedError({ problems: [{ column: 'note', severity: 'error', message: '' }] })).toBe(false);
    expect(hasStatedError({ problems: [{ column: null, severity: 'error', message: '' }] })).toBe(false);
  });
});
