/**
 * RangeList: several ranges of one sheet (Sheet.getRangeList), written with one call. Each setter applies
 * to the ranges in order through Range's own setter, so protections and rules that reject invalid data
 * apply as for a single range. Apps Script does not say whether a refused range undoes the ones before it;
 * the fake assumes the worst: the ranges before the refused one stay written.
 */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { FakeObject, unwrap } from './fakeObject';
import type { FakeRange } from './range';

type L = GAS.Spreadsheet.RangeList;
type Implemented = 'clearContent' | 'clearNote' | 'getRanges' | 'setNote' | 'setNumberFormat' | 'setValue';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeRangeList extends L {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeRangeList extends FakeObject implements Pick<L, Implemented> {
  readonly ranges: FakeRange[];

  constructor(ctx: FakeContext, ranges: readonly FakeRange[]) {
    super(ctx, 'RangeList');
    this.ranges = ranges.map((range) => unwrap(range));
  }

  private each(fn: (range: FakeRange) => void): this {
    for (const range of this.ranges) fn(range);
    return this;
  }

  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  setValue(value: unknown): this {
    return this.each((range) => range.setValue(value));
  }
  clearContent(): this {
    return this.each((range) => range.clearContent());
  }
  setNote(note: string | null): this {
    return this.each((range) => range.setNote(note));
  }
  clearNote(): this {
    return this.each((range) => range.clearNote());
  }
  setNumberFormat(numberFormat: string): this {
    return this.each((range) => range.setNumberFormat(numberFormat));
  }
}
