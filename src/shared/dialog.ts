/**
 * What the dialogs' client (src/ui/dialog.ts) gets back from the server through google.script.run:
 * plain strings, numbers and booleans only.
 */

export type SendStatus = 'sent' | 'nothing' | 'refused' | 'failed';

/** summarySend: what the ЦУР preview (and `npm start --send`) gets back. */
export interface SummarySendResult {
  status: SendStatus;
  ok: boolean;
  message: string;
  /** Events reported by the letter. */
  eventIds: string[];
  /** True when trying again later is safe and may succeed (the lock was busy). */
  retry: boolean;
}

/** dialogSelectCell: whether the cell was selected, in a Russian sentence either way. */
export interface SelectCellResult {
  ok: boolean;
  message: string;
}
