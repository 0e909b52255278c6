/**
 * The script lock serialises menu actions, the sidebar and the daily trigger, so that two of them never
 * write the register at once.
 */

export const BUSY_MESSAGE =
  'Реестр сейчас обновляет другое действие (проверка, сводка или другой пользователь). ' +
  'Подождите минуту и повторите.';

export type LockResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Runs `fn` holding the script lock; when the lock is not free within `timeoutMs`, returns the busy message. */
export function withScriptLock<T>(fn: () => T, options: { timeoutMs?: number } = {}): LockResult<T> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(options.timeoutMs ?? 10_000)) return { ok: false, message: BUSY_MESSAGE };
  try {
    return { ok: true, value: fn() };
  } finally {
    lock.releaseLock();
  }
}
