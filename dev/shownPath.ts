/**
 * How `npm start` names the files it wrote: relative to the current folder when inside it, else in full
 * (a path climbing out with «../../..» is harder to use than the absolute one).
 */
import { relative } from 'node:path';

export function shownPath(file: string): string {
  const path = relative(process.cwd(), file);
  return path === '' || path.startsWith('..') ? file : path;
}
