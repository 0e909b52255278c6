/** Builds RowAssessment fixtures with the real calendar and obligations, for tests of letters and lists. */
import { createCalendar } from '../../src/domain/calendar';
import { assessObligations, rowState } from '../../src/domain/obligations';
import { EMPTY_PAGE } from '../../src/domain/schemas';
import type { IsoDate, Page, RowAssessment } from '../../src/domain/types';

export const calendar = createCalendar();

export function page(fields: Partial<Page>): Page {
  return { ...EMPTY_PAGE, esiaVerified: true, ...fields };
}

export function assess(pages: Array<Partial<Page>>, today: IsoDate, firstRow = 2): RowAssessment[] {
  return pages.map((fields, index) => {
    const p = page(fields);
    const { events, deadline } = assessObligations(p, calendar, today);
    return {
      row: firstRow + index,
      page: p,
      problems: [],
      events,
      deadline,
      state: rowState({ page: p, events, hasErrors: false }),
    };
  });
}
