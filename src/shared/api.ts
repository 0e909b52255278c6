/**
 * The functions the pages (the sidebar and the dialogs) call through google.script.run, as src/main.ts exports them. main.ts is
 * checked against this interface, and the client's callServer (src/ui/form/server.ts) is typed by it,
 * so a signature that drifts on either side is a compile error — without the client's typecheck
 * seeing the Apps Script layer.
 */
import type { PageInput } from '../domain/types';
import type { SelectCellResult, SummarySendResult } from './dialog';
import type { SidebarFindResult, SidebarInitResult, SidebarMyPagesResult, SidebarSubmitResult } from './sidebar';

// Property syntax (not methods), so parameters are checked strictly in both directions.
export interface ServerApi {
  sidebarInit: () => SidebarInitResult;
  sidebarFind: (query: string) => SidebarFindResult;
  sidebarMyPages: () => SidebarMyPagesResult;
  sidebarSubmit: (input: PageInput, requestId: string, original?: PageInput | null) => SidebarSubmitResult;
  /** The ЦУР preview's «Отправить»: `token` names exactly the events the preview showed. */
  summarySend: (token: string) => SummarySendResult;
  /** A cell address in a dialog: selects that cell of one of the add-on's sheets. */
  dialogSelectCell: (sheetName: string, a1: string) => SelectCellResult;
}
