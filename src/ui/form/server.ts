/**
 * Promise wrapper over google.script.run, typed against the server functions themselves
 * (src/gas/sidebar.ts), so a changed signature breaks the client's build instead of the sidebar.
 */
import type { sidebarFind, sidebarInit, sidebarMyPages, sidebarSubmit } from '../../gas/sidebar';

export interface ServerApi {
  sidebarInit: typeof sidebarInit;
  sidebarFind: typeof sidebarFind;
  sidebarSubmit: typeof sidebarSubmit;
  sidebarMyPages: typeof sidebarMyPages;
}

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

declare const google: { script: { run: Runner } } | undefined;

/** The Russian text of whatever the server threw. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return 'неизвестная ошибка';
}

export function callServer<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script || !google.script.run) {
      reject(new Error('Боковая панель открыта вне Google Таблиц: сервер недоступен.'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<ServerApi[K]>))
      .withFailureHandler((error) => reject(new Error(errorText(error))));
    const method = runner[name];
    if (typeof method !== 'function') {
      reject(new Error(`Функция ${name} не найдена на сервере.`));
      return;
    }
    method.apply(runner, args);
  });
}
