/**
 * Serves the built sidebar (build/Sidebar.html) over HTTP on the loopback interface, with
 * `google.script.run` bridged to the server functions of the built bundle running in the offline
 * runtime. Used by the browser tests and by `npm start`.
 *
 * The bridge behaves like google.script.run where it matters: arguments and results cross as JSON,
 * a Date in either direction fails the call (Apps Script cannot carry Dates), a server exception
 * reaches the failure handler as an Error with the exception's message, and only functions the
 * bundle defines as globals can be called.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** Calls a global function of the bundle (in the runtime) and returns its result. */
export type CallServerFunction = (name: string, args: unknown[]) => unknown;

export interface SidebarServerOptions {
  call: CallServerFunction;
  /** The page to serve; read again on each request. Default: build/Sidebar.html. */
  html?: () => string;
  port?: number;
  /** Awaited before each call (tests use it to slow a call down or make it fail). */
  beforeCall?: (name: string, args: unknown[]) => Promise<void> | void;
}

export interface SidebarServer {
  url: string;
  port: number;
  /** Every call that reached the bridge, in order. */
  calls: Array<{ name: string; args: unknown[] }>;
  close(): Promise<void>;
}

const BUILD_DIR = join(__dirname, '..', 'build');
const RUN_PATH = '/__google_script_run/';
const MAX_BODY = 1024 * 1024;

/** The client half of the bridge: google.script.run and google.script.host, posting to RUN_PATH. */
export const GOOGLE_SCRIPT_SHIM = `<script>
(function () {
  function hasDate(value) {
    if (value instanceof Date) return true;
    if (value && typeof value === 'object') {
      for (var key in value) if (Object.prototype.hasOwnProperty.call(value, key) && hasDate(value[key])) return true;
    }
    return false;
  }
  function runner(success, failure, userObject) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, failure, userObject); };
        if (name === 'withFailureHandler') return function (fn) { return runner(success, fn, userObject); };
        if (name === 'withUserObject') return function (value) { return runner(success, failure, value); };
        if (typeof name !== 'string') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          var fail = function (error) { if (failure) failure(error, userObject); else console.error(error); };
          if (hasDate(args)) {
            setTimeout(function () { fail(new Error('Недопустимое значение аргумента: Date (google.script.run не передаёт даты).')); }, 0);
            return;
          }
          fetch('${RUN_PATH}' + encodeURIComponent(name), {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(args)
          })
            .then(function (response) { return response.json(); })
            .then(function (answer) {
              if (answer.ok) { if (success) success(answer.value, userObject); }
              else fail(new Error(answer.error));
            }, function (error) { fail(new Error('Нет связи с сервером: ' + error.message)); });
        };
      }
    });
  }
  window.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close: function () { document.documentElement.setAttribute('data-closed', 'true'); },
        setHeight: function () {},
        setWidth: function () {},
        editor: { focus: function () {} }
      }
    }
  };
})();
</script>`;

/** The page with the shim placed before every other script. */
export function injectShim(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return GOOGLE_SCRIPT_SHIM + html;
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n${GOOGLE_SCRIPT_SHIM}${html.slice(at)}`;
}

/** A Date from any realm (the bundle runs in a node:vm context, whose Date is not this one). */
function containsDate(value: unknown, seen = new Set<unknown>()): boolean {
  if (Object.prototype.toString.call(value) === '[object Date]') return true;
  if (value === null || typeof value !== 'object' || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((item) => containsDate(item, seen));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Слишком большой запрос.'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  response.end(body);
}

export async function startSidebarServer(options: SidebarServerOptions): Promise<SidebarServer> {
  const html = options.html ?? (() => readFileSync(join(BUILD_DIR, 'Sidebar.html'), 'utf8'));
  const calls: SidebarServer['calls'] = [];

  async function run(name: string, body: string): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
    let args: unknown;
    try {
      args = JSON.parse(body || '[]');
    } catch {
      return { ok: false, error: 'Запрос не в формате JSON.' };
    }
    if (!Array.isArray(args)) return { ok: false, error: 'Аргументы должны быть массивом.' };
    calls.push({ name, args });
    try {
      await options.beforeCall?.(name, args);
      const value = await options.call(name, args);
      if (containsDate(value)) {
        return { ok: false, error: `Функция ${name} вернула Date: google.script.run не передаёт даты.` };
      }
      return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
      let page: string;
      try {
        page = html();
      } catch (error) {
        send(response, 500, 'text/plain', `Нет боковой панели: ${String(error)}. Выполните npm run build.`);
        return;
      }
      send(response, 200, 'text/html', injectShim(page));
      return;
    }
    if (request.method === 'POST' && url.pathname.startsWith(RUN_PATH)) {
      const name = decodeURIComponent(url.pathname.slice(RUN_PATH.length));
      readBody(request)
        .then((body) => run(name, body))
        .then(
          (answer) => send(response, 200, 'application/json', JSON.stringify(answer)),
          (error: unknown) =>
            send(response, 413, 'application/json', JSON.stringify({ ok: false, error: String(error) })),
        );
      return;
    }
    if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    send(response, 404, 'text/plain', 'Не найдено');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
