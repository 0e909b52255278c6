/**
 * A function of a text, its answers remembered for one run (an Apps Script execution): a register
 * repeats the same organizations, positions, typed dates and headers thousands of times, and a check
 * asks about each link a dozen times, so each is worked out once. Emptied when it holds `limit`
 * answers, so a long run's memory stays bounded. Pure.
 */
export class TextMemo<T> {
  private readonly answers = new Map<string, T>();

  constructor(
    private readonly compute: (text: string) => T,
    private readonly limit = 100_000,
  ) {}

  get(text: string): T {
    const known = this.answers.get(text);
    if (known !== undefined) return known;
    const value = this.compute(text);
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(text, value);
    return value;
  }
}

/** The memo of `owner` (e.g. one list of configured networks), made with `computeFor(owner)` on first use. */
export function memoOf<Owner extends object, T>(
  memos: WeakMap<Owner, TextMemo<T>>,
  owner: Owner,
  computeFor: (owner: Owner) => (text: string) => T,
): TextMemo<T> {
  let memo = memos.get(owner);
  if (memo === undefined) {
    memo = new TextMemo(computeFor(owner));
    memos.set(owner, memo);
  }
  return memo;
}
