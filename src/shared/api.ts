/**
 * The functions the sidebar calls through google.script.run, as src/main.ts exports them. main.ts is
 * checked against this interface, and the client's callServer (src/ui/form/server.ts) is typed by it,
 * so a signature that drifts on either side is a compile error — without the client's typecheck
 * seeing the Apps Script layer.
 */
import type { PageInput } from '../domain/types';
import type { SidebarFindResult, SidebarInitResult, SidebarMyPagesResult, SidebarSubmitResult } from './sidebar';

// Property syntax (not methods), so parameters are checked strictly in both directions.
export interface ServerApi {
  sidebarInit: () => SidebarInitResult;
  sidebarFind: (query: string) => SidebarFindResult;
  sidebarMyPages: () => SidebarMyPagesResult;
  sidebarSubmit: (input: PageInput, requestId: string, original?: PageInput | null) => SidebarSubmitResult;
}
