/**
 * Promise wrapper over google.script.run, typed by the contract of src/shared/api.ts, which src/main.ts
 * is checked against: a changed signature breaks the build instead of the sidebar.
 */
import type { ServerApi } from '../../shared/api';
import { errorText } from '../../shared/errorText';

type Runner = {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

declare const google: { script: { run: Runner } } | undefined;

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
