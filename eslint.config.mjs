import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// `import { z } from 'zod'` makes esbuild keep all of zod and every locale: 2.5× larger bundles.
const ZOD_NAMED_IMPORT = {
  selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
  message: "Use `import * as z from 'zod'` so esbuild drops the unused parts.",
};

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'out/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ZOD_NAMED_IMPORT],
    },
  },
  {
    // Domain code and the views (renderers of pages) are pure: no Apps Script services, no Node, no clock.
    files: ['src/domain/**/*.ts', 'src/views/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...[
          'SpreadsheetApp',
          'MailApp',
          'PropertiesService',
          'LockService',
          'ScriptApp',
          'Session',
          'Utilities',
          'HtmlService',
          'process',
          'require',
        ].map((name) => ({ name, message: 'src/domain is pure: pass services in as parameters.' })),
      ],
      'no-restricted-syntax': [
        'error',
        ZOD_NAMED_IMPORT,
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No hidden clock: take "today" as a parameter.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'No hidden clock: take "today" as a parameter.',
        },
      ],
    },
  },
  // The layers of ARCHITECTURE.md: the pages and the shared contract never reach into the Apps Script layer.
  {
    files: ['src/ui/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gas', '**/gas/**', '**/main'],
              message: 'The client sees the server only through src/shared.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gas', '**/gas/**', '**/ui', '**/ui/**', '**/shared', '**/shared/**', '**/main'],
              message: 'src/domain imports only src/domain (and zod).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/views/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['SpreadsheetApp', 'MailApp', 'PropertiesService', 'LockService', 'ScriptApp', 'Session', 'Utilities']
          .concat(['HtmlService', 'process', 'require', 'document', 'window'])
          .map((name) => ({ name, message: 'src/views renders strings: no Apps Script, no DOM.' })),
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/gas', '**/gas/**', '**/ui', '**/ui/**', '**/main'],
              message: 'src/views imports only src/domain, src/shared and src/views.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', module: 'writable', URL: 'readonly', __dirname: 'readonly' },
    },
  },
);
