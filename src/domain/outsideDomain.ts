/**
 * «Домены для рассылки»: an address outside them gets no reminder, and a warning says so — in the check
 * (register.ts) and in the sidebar as the person types. A module of its own: the sidebar's bundle takes
 * it without the register's assessment. Pure.
 */
import { isEmailAddress, isInMailDomains } from './email';
import { columnProblem } from './schemas';
import type { Problem } from './types';

export const OUTSIDE_DOMAIN_WARNING = 'напоминание на этот адрес не отправляется';

/**
 * The warning on an address outside «Домены для рассылки» (null when the domains are not given): the
 * check's, and the sidebar's as the person types (it gets the domains from sidebarInit).
 */
export function outsideDomainProblem(email: string | null, mailDomains: readonly string[] | undefined): Problem | null {
  if (mailDomains === undefined || email === null || !isEmailAddress(email)) return null;
  if (isInMailDomains(email, mailDomains)) return null;
  return columnProblem(
    'responsibleEmail',
    'warning',
    `${OUTSIDE_DOMAIN_WARNING}: домен не входит в «Домены для рассылки» на листе «Настройки»` +
      (mailDomains.length ? ` (${mailDomains.join(', ')}).` : ' (список пуст).'),
  );
}
