// Stops `npm run deploy` while .clasp.json still holds the placeholder script id.
import { readFileSync } from 'node:fs';

const config = JSON.parse(readFileSync(new URL('../.clasp.json', import.meta.url), 'utf8'));
if (!/^[A-Za-z0-9_-]{20,}$/.test(config.scriptId ?? '')) {
  console.error(
    'В .clasp.json не указан scriptId проекта Apps Script, привязанного к таблице.\n' +
      'Откройте таблицу → Расширения → Apps Script → Настройки проекта → «Идентификатор скрипта»\n' +
      'и впишите его в .clasp.json (поле scriptId). Подробнее — README, раздел «Развёртывание».',
  );
  process.exit(1);
}
if (config.rootDir !== 'build') {
  console.error('В .clasp.json rootDir должен быть "build": в Apps Script отправляется только сборка.');
  process.exit(1);
}
