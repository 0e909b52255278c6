/** Russian plural forms: plural(1, 'поле', 'поля', 'полей') → 'поле'; 2 → 'поля'; 5, 11, 12 → 'полей'. */
export function plural(count: number, one: string, few: string, many: string): string {
  const tens = count % 100;
  const units = count % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}
