/**
 * A link as the sidebar saves it: typed without a scheme («vk.com/shpakray»), it is saved with https://
 * in front, so the sheet holds an address that opens; anything else is saved as typed. The form says
 * what it saved (src/ui/form/describe.ts).
 */
import { parseLink } from './links';

export function linkAsSaved(link: string): string {
  const text = link.trim();
  if (text === '' || parseLink(text) === null || /^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  return `https://${text.replace(/^\/\//, '')}`;
}

/** A save never erases a page's link: a page that is gone is marked deleted, its address stays on record. */
export const LINK_ERASED =
  'Ссылку сохранённой страницы нельзя стереть. Если страницы больше нет, нажмите «Отметить как удалённую».';
