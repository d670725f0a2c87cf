import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import i18next from 'eslint-plugin-i18next'

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net',
  'os', 'path', 'process', 'stream', 'tls', 'url', 'util', 'worker_threads', 'zlib'
]

// Module boundaries, after Signal and VS Code: shared/ is pure TypeScript, the renderer never
// reaches into the engine, and only the composition root and window/IPC adapter touch Electron.
const sharedPurity = {
  files: ['shared/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [
        { name: 'electron', message: 'shared/ must stay pure: no Electron.' },
        { name: 'better-sqlite3', message: 'shared/ must stay pure: no native modules.' },
        ...nodeBuiltins.map((name) => ({ name, message: 'shared/ must stay pure: no Node built-ins.' }))
      ],
      patterns: [
        { group: ['node:*'], message: 'shared/ must stay pure: no Node built-ins.' },
        { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may not import from electron/ or renderer/.' }
      ]
    }],
    'no-restricted-globals': ['error',
      ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'fetch', 'process', 'Buffer', 'require', '__dirname']
        .map((name) => ({ name, message: `shared/ must stay pure: no ${name}.` }))
    ]
  }
}

const rendererBoundary = {
  files: ['renderer/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'The renderer talks to main only through the preload bridge.' }],
      patterns: [
        { group: ['node:*'], message: 'The renderer runs in a browser sandbox: no Node built-ins.' },
        { group: ['**/electron/**'], message: 'The renderer may not import engine code; ask main through the bridge.' }
      ]
    }]
  }
}

const electronOnlyAtTheShell = {
  files: ['electron/main/**/*.ts'],
  ignores: ['electron/main/index.ts', 'electron/main/app/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: 'electron', message: 'Only electron/main/index.ts and electron/main/app/ may import electron; the engine runs in plain Node.' }],
      patterns: [{ group: ['**/renderer/**'], message: 'The engine may not import renderer code.' }]
    }]
  }
}

// Every word a person reads in the app comes from the catalog (shared/i18n/catalog): a literal
// text in a component's markup, or in an attribute people read, is an error.
const noLiteralText = {
  files: ['renderer/src/**/*.tsx'],
  plugins: { i18next },
  rules: {
    'i18next/no-literal-string': ['error', {
      mode: 'jsx-only',
      'jsx-attributes': { include: ['title', 'aria-label', 'aria-valuetext', 'placeholder', 'alt', 'label', 'confirmLabel', 'cancelLabel', 'noneLabel', 'empty'] },
      words: { exclude: ['[0-9!-/:-@[-`{-~\\s·…‹›—–]+'] }
    }]
  }
}
// Two front-ends over one layer of operations (electron/main/ops/): the CLI and the app service
// each call the operations and never each other, so an operation cannot hide inside one of them.
const frontEndsApart = [
  {
    files: ['electron/main/service/**/*.ts', 'electron/main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only electron/main/index.ts and electron/main/app/ may import electron; the engine runs in plain Node.' }],
        patterns: [
          { group: ['**/cli/**'], message: 'The app does not import the CLI: move what both need to electron/main/ops/.' },
          { group: ['**/renderer/**'], message: 'The engine may not import renderer code.' }
        ]
      }]
    }
  },
  {
    files: ['electron/main/app/**/*.ts', 'electron/main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/cli/**', './cli/*'], message: 'The app does not import the CLI: move what both need to electron/main/ops/.' },
          { group: ['**/renderer/**'], message: 'The engine may not import renderer code.' }
        ]
      }]
    }
  },
  {
    files: ['electron/main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only electron/main/index.ts and electron/main/app/ may import electron; the engine runs in plain Node.' }],
        patterns: [
          { group: ['**/service/**'], message: 'The CLI does not import the app service: move what both need to electron/main/ops/.' },
          { group: ['**/renderer/**'], message: 'The engine may not import renderer code.' }
        ]
      }]
    }
  },
  {
    files: ['electron/main/ops/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'Only electron/main/index.ts and electron/main/app/ may import electron; the engine runs in plain Node.' }],
        patterns: [
          { group: ['**/cli/**', '**/service/**'], message: 'Operations sit below both front-ends and import neither.' },
          { group: ['**/renderer/**'], message: 'The engine may not import renderer code.' }
        ]
      }]
    }
  }
]

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test/e2e/screenshots/**', '.prof/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off'
    }
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } }
  },
  sharedPurity,
  rendererBoundary,
  electronOnlyAtTheShell,
  ...frontEndsApart,
  noLiteralText
)
