/** All the fake services a bundle sees as globals, wired to one context and one spreadsheet. */
import { FakeCacheService } from './cache';
import { FakeCharts } from './chart';
import type { FakeContext } from './context';
import { FakeHtmlService } from './html';
import { FakeLockService } from './lock';
import { FakeLogger } from './logger';
import { FakeMailApp, type MailOptions } from './mail';
import { FakePropertiesService } from './properties';
import { FakeSession } from './session';
import type { FakeSpreadsheet } from './spreadsheet';
import { FakeSpreadsheetApp } from './spreadsheetApp';
import { FakeScriptApp } from './triggers';
import { FakeUi } from './ui';
import { FakeUtilities } from './utilities';

export interface FakeServices {
  SpreadsheetApp: FakeSpreadsheetApp;
  MailApp: FakeMailApp;
  PropertiesService: FakePropertiesService;
  CacheService: FakeCacheService;
  LockService: FakeLockService;
  ScriptApp: FakeScriptApp;
  Session: FakeSession;
  Utilities: FakeUtilities;
  HtmlService: FakeHtmlService;
  Logger: FakeLogger;
  Charts: FakeCharts;
}

export interface ServiceOptions {
  buildDir: string;
  mail?: MailOptions;
  logToConsole?: boolean;
}

export function createServices(ctx: FakeContext, spreadsheet: FakeSpreadsheet, options: ServiceOptions): FakeServices {
  const ui = new FakeUi(ctx);
  return {
    SpreadsheetApp: new FakeSpreadsheetApp(ctx, spreadsheet, ui),
    MailApp: new FakeMailApp(ctx, options.mail),
    PropertiesService: new FakePropertiesService(ctx),
    CacheService: new FakeCacheService(ctx),
    LockService: new FakeLockService(ctx),
    ScriptApp: new FakeScriptApp(ctx),
    Session: new FakeSession(ctx),
    Utilities: new FakeUtilities(ctx),
    HtmlService: new FakeHtmlService(ctx, options.buildDir),
    Logger: new FakeLogger(ctx, options.logToConsole ?? false),
    Charts: new FakeCharts(ctx, spreadsheet),
  };
}
