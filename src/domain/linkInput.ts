/**
 * A link as the sidebar saves it: typed without a scheme («vk.com/shpakray») or with http://, it is saved
 * with https:// in front, so the sheet holds an address that opens; anything else is saved as typed. A cell with two
 * writings of one page («vk.com/club1; (vk.com/shpak)», links.ts pageLinks) gets https:// on each
 * writing, its separators and brackets kept. The form says what it saved (src/ui/form/describe.ts).
 */
import { parseLink } from './links';

function withScheme(link: string): string {
  if (link === '' || parseLink(link) === null) return link;
  // http:// as well: the networks serve pages over https, and the register holds one writing of an address.
  if (/^http:\/\//i.test(link)) return `https://${link.slice('http://'.length)}`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(link)) return link;
  return `https://${link.replace(/^\/\//, '')}`;
}

export function linkAsSaved(link: string): string {
  const text = link.trim();
  if (!text.includes(';')) return withScheme(text);
  return text
    .split(';')
    .map((part) => {
      const [, before = '', writing = '', after = ''] = /^(\s*\(?\s*)(.*?)(\s*\)?\s*)$/.exec(part) ?? [];
      return `${before}${withScheme(writing)}${after}`;
    })
    .join(';');
}

/** A save never erases a page's link: a page that is gone is marked deleted, its address stays on record. */
export const LINK_ERASED =
  'Ссылку сохранённой страницы нельзя стереть. Если страницы больше нет, нажмите «Отметить как удалённую».';

/** The same for a page already marked deleted: there is nothing to mark, the address stays as the record. */
export const DELETED_LINK_ERASED = 'Ссылку удалённой страницы нельзя стереть: она остаётся в реестре как запись о ней.';
