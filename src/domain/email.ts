/** E-mail addresses: one rule for the register's column, «Настройки» and the reminders' recipients. */
import * as z from 'zod';
import { TextMemo } from './memo';

/** zod's practical pattern, with letters of any script in the domain (адрес@администрация.рф). */
export const EMAIL_ADDRESS = z.email({
  pattern: /^[A-Za-z0-9_%+'-]+(?:\.[A-Za-z0-9_%+'-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u,
});

/** One address, nothing around it that could add a second recipient. */
export function isEmailAddress(text: string): boolean {
  return VERDICTS.get(text);
}

// A check asks twice of every row's address, and a register repeats its people's addresses.
const VERDICTS = new TextMemo((text) => EMAIL_ADDRESS.safeParse(text.trim()).success);

/** The domain of an address, lowercased ('' when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at === -1
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** True when `email` belongs to one of `domains` (case ignored; subdomains do not count). */
export function isInMailDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomain(email);
  return domain !== '' && domains.includes(domain);
}
