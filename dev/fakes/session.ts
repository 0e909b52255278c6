/** Session and User. In a simple trigger the active user's e-mail is '' unless it shares the owner's Workspace domain. */
import GAS = GoogleAppsScript;
import type { FakeContext } from './context';
import { FakeObject } from './fakeObject';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeUser extends GAS.Base.User {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeUser extends FakeObject implements Pick<GAS.Base.User, 'getEmail'> {
  constructor(
    ctx: FakeContext,
    private readonly email: string,
  ) {
    super(ctx, 'User');
  }
  getEmail(): string {
    return this.email;
  }
}

type Implemented =
  'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getActiveUserLocale' | 'getTemporaryActiveUserKey';

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface FakeSession extends GAS.Base.Session {}
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FakeSession extends FakeObject implements Pick<GAS.Base.Session, Implemented> {
  constructor(ctx: FakeContext) {
    super(ctx, 'Session');
  }
  getActiveUser(): FakeUser {
    return new FakeUser(this.ctx, this.ctx.visibleActiveUser());
  }
  getEffectiveUser(): FakeUser {
    return new FakeUser(
      this.ctx,
      this.ctx.visibleActiveUser() === '' && this.ctx.execution.kind === 'simple' ? '' : this.ctx.user,
    );
  }
  getScriptTimeZone(): string {
    return this.ctx.timeZone;
  }
  getActiveUserLocale(): string {
    return 'ru';
  }
  getTemporaryActiveUserKey(): string {
    return `key-${this.ctx.user}`;
  }
}
