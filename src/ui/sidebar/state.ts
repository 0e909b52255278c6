/** What the sidebar remembers between events: the page being edited, what the person touched, the submit guard. */
import type { PageInput, Problem } from '../../domain/types';
import type { SidebarInitResult, UnreadableCells } from '../../shared/sidebar';
import type { FieldKey } from '../form/fields';
import { SubmitGuard, randomRequestId } from '../form/submitGuard';

interface State {
  init: SidebarInitResult | null;
  /** The page being edited: its ID and the row it was in when last seen (shown only). */
  id: string;
  row: number | null;
  /** What the form was given for that page: the server writes only the fields that differ from it. */
  original: PageInput | null;
  /** Cells of that page the form cannot show («удалена в марте» in a date column), with what to say. */
  unreadable: UnreadableCells;
  touched: Set<FieldKey>;
  /** Fields the person typed in: only these are judged when the focus leaves them. */
  typed: Set<FieldKey>;
  showAll: boolean;
  /** After a refused submit the status line counts the errors left, and updates as they are fixed. */
  counting: boolean;
  /** Problems the server reported for the current input; cleared as soon as the person edits. */
  serverProblems: Problem[];
}

export const state: State = {
  init: null,
  id: '',
  row: null,
  original: null,
  unreadable: {},
  touched: new Set(),
  typed: new Set(),
  showAll: false,
  counting: false,
  serverProblems: [],
};

export const guard = new SubmitGuard(randomRequestId);
