/** «Ежедневная проверка»: what turning it on set up — when it runs, who gets what — one paragraph a fact. */
import { paragraph, type DialogView } from './dialog';

export const DAILY_CHECK_TITLE = 'Ежедневная проверка';

export function dailyCheckView(lines: readonly string[]): DialogView {
  const [first = '', ...rest] = lines;
  return {
    title: DAILY_CHECK_TITLE,
    body: [paragraph(first, 'ok'), ...rest.map((line) => paragraph(line))].join('\n'),
    width: 560,
    height: 360,
  };
}
