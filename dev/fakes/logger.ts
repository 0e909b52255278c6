/** Logger: keeps what was logged (`lines`); echoes to the console only when asked. */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { FakeObject } from './fakeObject';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeLogger extends GAS.Base.Logger {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeLogger extends FakeObject implements GAS.Base.Logger {
  readonly lines: string[] = [];

  constructor(
    ctx: FakeContext,
    public echo = false,
  ) {
    super(ctx, 'Logger');
  }
  clear(): void {
    this.lines.length = 0;
  }
  getLog(): string {
    return this.lines.map((line) => `${line}\n`).join('');
  }
  log(data: unknown, ...values: unknown[]): this {
    let i = 0;
    const line =
      values.length > 0 && typeof data === 'string'
        ? data.replace(/%s/g, () => String(values[i++]))
        : typeof data === 'string'
          ? data
          : JSON.stringify(data);
    this.lines.push(line);
    if (this.echo) console.log(line);
    return this;
  }
}
