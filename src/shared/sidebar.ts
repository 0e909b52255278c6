/**
 * What crosses google.script.run between the sidebar (src/ui/sidebar.ts) and its server functions
 * (the globals of src/main.ts, carried out in src/gas/sidebar/). Plain JSON only: dates are ISO strings,
 * because google.script.run cannot carry Date objects. No Apps Script globals, no DOM.
 */
import type { NetworkSpec } from '../domain/links';
import type { UnreadableCells } from '../domain/pageForm';
import type { EventAssessment, IsoDate, PageInput, Problem } from '../domain/types';

export type { UnreadableCells };

/** An organization already in the register, for the organization field's suggestions. */
export interface SidebarOrganization {
  name: string;
  orgKind: string | null;
}

export interface SidebarUser {
  email: string | null;
  isCoordinator: boolean;
  /** False when this person may not write the register through the sidebar; `reason` says why. */
  canSubmit: boolean;
  reason: string | null;
}

export interface SidebarInitResult {
  today: IsoDate;
  organizations: SidebarOrganization[];
  /** The networks of the «Социальная сеть» list, built-in first. */
  networks: string[];
  /** Networks configured in «Настройки» beyond the built-in ones (validation needs them). */
  extraNetworks: NetworkSpec[];
  orgKinds: string[];
  /**
   * «Домены для рассылки» in force: the form warns as the person types an address outside them. Null
   * when none are in force (no list, no coordinators): the check then warns about no address either.
   */
  mailDomains: string[] | null;
  user: SidebarUser;
}

/** A register row as the sidebar shows and edits it. */
export interface FoundPage {
  id: string;
  row: number;
  state: string;
  deadline: IsoDate | null;
  /** The form's values; a cell that cannot be shown (see `unreadable`) is empty here (unchecked). */
  input: PageInput;
  /**
   * Cells the form cannot show: a date cell holding «удалена в марте», a checkbox holding «частично».
   * The form says so under the field; a save leaves such a cell as it is unless the person changes the field.
   */
  unreadable: UnreadableCells;
  /** Its creation or deletion the coordinator was not told of («Сообщено в отдел (…)» empty): a save reports it. */
  unreported: Array<{ kind: EventAssessment['kind']; date: IsoDate }>;
}

export interface SidebarFindResult {
  pages: FoundPage[];
  /** More pages matched than were returned. */
  truncated: boolean;
  /** Set when the search could not run (no register, empty query). */
  message: string | null;
}

export interface SubmitSuccess {
  ok: true;
  created: boolean;
  row: number;
  id: string;
  deadline: IsoDate | null;
  state: string;
  events: EventAssessment[];
  warnings: Problem[];
  /** The page as written, so the form can go on editing the same row. */
  page: FoundPage;
  /** True when this requestId had already been carried out: nothing was written again. */
  repeated: boolean;
  /**
   * The events this save reported to the coordinator (п. 3.2.2): «Сообщено в отдел (…)» stamped today
   * because the save entered their date, or because they were not reported yet.
   */
  reported: Array<{ kind: EventAssessment['kind']; date: IsoDate }>;
  /** The day of the save (the register's «today»): a deadline before it has passed. */
  today: IsoDate;
  /** An existing row saved with nothing of it to write (its cells already held the form's values). */
  unchanged: boolean;
}

export interface SubmitFailure {
  ok: false;
  /** A Russian sentence for the whole form. */
  message: string;
  /** Messages by field (column null: the form as a whole). */
  problems: Problem[];
  /** The page that already has this link, when that is why the submit was refused. */
  duplicate: FoundPage | null;
}

export type SidebarSubmitResult = SubmitSuccess | SubmitFailure;

/** «Мои страницы»: the caller's own pages. */
export interface SidebarMyPagesResult {
  pages: FoundPage[];
  truncated: boolean;
  /** Why the list is empty or cannot be given (no e-mail, no register); null otherwise. */
  message: string | null;
}
