/**
 * The script lock serialises menu actions, the sidebar and the daily trigger, so that two of them never
 * write the register at once.
 */

export const BUSY_MESSAGE =
  'Реестр сейчас обновляет другое действие (проверка, сводка или другой пользователь). ' +
  'Подождите минуту и повторите.';

export type LockResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Runs `fn` holding the script lock; when the lock is not free within `timeoutMs`, returns the busy message.
 * `keepUntilExit`: for an action whose only steps after `fn` are short (a dialog, an answer, a journal
 * line); Apps Script releases a lock
 * when the script ends (Lock.releaseLock reference), which saves the releasing call. On an error the
 * lock is released at once either way.
 */
export function withScriptLock<T>(
  fn: () => T,
  options: { timeoutMs?: number; keepUntilExit?: boolean } = {},
): LockResult<T> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(options.timeoutMs ?? 10_000)) return { ok: false, message: BUSY_MESSAGE };
  let done = false;
  try {
    const value = fn();
    done = true;
    return { ok: true, value };
  } finally {
    if (!done || options.keepUntilExit !== true) lock.releaseLock();
  }
}
