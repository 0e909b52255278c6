/** Colours and widths between the fake (#rrggbb, pixels) and Excel (ARGB, characters). */
export function toArgb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

export function fromArgb(argb: string | undefined): string | undefined {
  if (!argb || !/^[0-9A-Fa-f]{8}$/.test(argb)) return undefined;
  return `#${argb.slice(2).toLowerCase()}`;
}

/** Excel column widths are in characters of the default font, about 7 pixels each. */
export const PIXELS_PER_CHARACTER = 7;
