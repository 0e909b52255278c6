/**
 * Guards against "Script function not found": the built bundle, loaded the way Apps Script loads it
 * (one global scope, no module system, no Node), must define every entry point as a global function.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import * as main from '../../src/main';
import { MENU_ITEMS } from '../../src/gas/menu/menu';

const buildDir = join(__dirname, '../../build');
const code = readFileSync(join(buildDir, 'Code.js'), 'utf8');

/** A service whose every property access is recorded: loading the bundle must not call any of them. */
function recordingService(name: string, touched: string[]): unknown {
  return new Proxy(
    {},
    {
      get(_target, property) {
        touched.push(`${name}.${String(property)}`);
        return () => undefined;
      },
    },
  );
}

function loadBundle(): { context: Record<string, unknown>; touched: string[] } {
  const touched: string[] = [];
  const services = ['SpreadsheetApp', 'MailApp', 'PropertiesService', 'LockService', 'ScriptApp', 'Session', 'Utilities', 'HtmlService', 'Logger'];
  const context: Record<string, unknown> = {};
  for (const service of services) context[service] = recordingService(service, touched);
  createContext(context);
  runInContext(code, context, { filename: 'Code.js' });
  return { context, touched };
}

describe('build/Code.js', () => {
  const entryPoints = Object.keys(main).filter((name) => typeof (main as Record<string, unknown>)[name] === 'function');

  it('declares every export of src/main.ts as a top-level function', () => {
    const { context } = loadBundle();
    expect(entryPoints.length).toBeGreaterThan(0);
    for (const name of entryPoints) {
      expect({ name, type: typeof context[name] }).toEqual({ name, type: 'function' });
      expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
    }
  });

  it('has a global function for every menu item', () => {
    const { context } = loadBundle();
    for (const item of MENU_ITEMS) {
      if (item !== 'separator') expect({ handler: item.handler, type: typeof context[item.handler] }).toEqual({ handler: item.handler, type: 'function' });
    }
  });

  it('loads without Node and without calling any Apps Script service', () => {
    const { context, touched } = loadBundle();
    expect(touched).toEqual([]);
    expect(context.require).toBeUndefined();
    expect(context.process).toBeUndefined();
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/\bmodule\.exports\b/);
    expect(code).not.toMatch(/^\s*export\s/m);
    // Comments of bundled libraries may mention `import()`; only code matters.
    const codeWithoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    expect(codeWithoutComments).not.toMatch(/\bimport\s*\(/);
  });

  it('ships the manifest with V8, Moscow time and an explicit minimal scope list', () => {
    const manifest = JSON.parse(readFileSync(join(buildDir, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.timeZone).toBe('Europe/Moscow');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect([...manifest.oauthScopes].sort()).toEqual(
      [
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/script.scriptapp',
        'https://www.googleapis.com/auth/script.send_mail',
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/userinfo.email',
      ].sort(),
    );
  });
});
