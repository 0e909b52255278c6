import { SubmitGuard, randomRequestId } from '../../src/ui/form/submitGuard';

function counter(): () => string {
  let n = 0;
  return () => `r${++n}`;
}

describe('SubmitGuard', () => {
  it('refuses a second submit while the first is in flight (double click)', () => {
    const guard = new SubmitGuard(counter());
    expect(guard.begin('a')).toBe('r1');
    expect(guard.busy).toBe(true);
    expect(guard.begin('a')).toBeNull();
    expect(guard.begin('b')).toBeNull();
    guard.end(true);
    expect(guard.busy).toBe(false);
  });

  it('gives a settled submit a new request ID next time', () => {
    const guard = new SubmitGuard(counter());
    guard.begin('a');
    guard.end(true);
    expect(guard.begin('a')).toBe('r2');
  });

  it('retries an unchanged input after a lost answer with the same request ID', () => {
    const guard = new SubmitGuard(counter());
    expect(guard.begin('a')).toBe('r1');
    guard.end(false);
    expect(guard.begin('a')).toBe('r1');
    guard.end(false);
    expect(guard.begin('changed')).toBe('r2');
  });

  it('makes random, distinct request IDs', () => {
    const ids = new Set(Array.from({ length: 100 }, randomRequestId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-z-]{16,}$/);
  });
});
