/**
 * The daily run's mail budget. MailApp's daily quota counts recipients; the letters that must go (the ЦУР
 * summary, the coordinators' digest, one failure letter, and any other kind a module adds) reserve their
 * recipients first, and reminders get what is left, at most «Напоминаний в день не более». Pure.
 */

/** Recipients one kind of letter needs today. Another kind (e.g. a control letter) appends its own. */
export interface MailReservation {
  kind: string;
  recipients: number;
}

/** How many reminders may go: the quota less every reservation, capped by the limit, never negative. */
export function reminderAllowance(quota: number, reservations: readonly MailReservation[], limit: number): number {
  const reserved = reservations.reduce((sum, reservation) => sum + Math.max(0, reservation.recipients), 0);
  return Math.max(0, Math.min(limit, quota - reserved));
}

/**
 * Which reminders go today and which wait: those deferred from before go first (so nobody waits twice
 * for the same reason), then the rest in their given order.
 */
export function planReminders<T extends { email: string }>(
  reminders: readonly T[],
  allowance: number,
  deferredBefore: readonly string[],
): { send: T[]; deferred: T[] } {
  const waited = new Set(deferredBefore);
  const ordered = [
    ...reminders.filter((reminder) => waited.has(reminder.email)),
    ...reminders.filter((reminder) => !waited.has(reminder.email)),
  ];
  return { send: ordered.slice(0, allowance), deferred: ordered.slice(allowance) };
}
