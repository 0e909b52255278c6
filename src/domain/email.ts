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
