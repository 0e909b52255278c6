/** The CacheService fake: strings, Google's limits, lifetimes by the runtime's clock, counted calls. */
import { createRuntime } from '../../dev/runtime';

function cacheOf() {
  const rt = createRuntime({ now: new Date('2026-03-05T09:00:00+03:00') });
  const service = rt.services.CacheService as unknown as GoogleAppsScript.Cache.CacheService;
  return { rt, cache: service.getDocumentCache() as GoogleAppsScript.Cache.Cache };
}

describe('CacheService fake', () => {
  it('keeps strings, reads several keys in one call and counts every call', () => {
    const { rt, cache } = cacheOf();
    const { calls } = rt.measure(() => {
      cache.putAll({ a: '1', b: '2' });
      cache.put('c', '3');
      return cache.getAll(['a', 'c', 'missing']);
    });
    expect(cache.getAll(['a', 'c', 'missing'])).toEqual({ a: '1', c: '3' });
    expect(calls.byMethod).toMatchObject({ 'Cache.putAll': 1, 'Cache.put': 1, 'Cache.getAll': 1 });
    cache.remove('a');
    expect(cache.get('a')).toBeNull();
  });

  it('forgets an entry when its lifetime is over (600 s by default, 6 hours at most)', () => {
    const { rt, cache } = cacheOf();
    cache.put('short', 'x');
    cache.put('long', 'y', 100_000);
    rt.ctx.setNow(new Date('2026-03-05T09:10:01+03:00'));
    expect(cache.get('short')).toBeNull();
    expect(cache.get('long')).toBe('y');
    rt.ctx.setNow(new Date('2026-03-05T15:00:01+03:00'));
    expect(cache.get('long')).toBeNull();
  });

  it('refuses a key over 250 characters and a value over 100 KB, as Apps Script does', () => {
    const { cache } = cacheOf();
    expect(() => cache.put('k'.repeat(251), 'x')).toThrow('Argument too large: key');
    expect(() => cache.put('k', 'я'.repeat(60_000))).toThrow('Argument too large: value');
  });
});
