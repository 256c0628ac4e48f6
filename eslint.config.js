import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import boundaries from 'eslint-plugin-boundaries'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

// The layering of the house, declared once (see ARCHITECTURE.md). Who may import whom, as an allow-list:
//   shared      pure rules                       → shared
//   main        electron/ (main, preload, server) → main, shared
//   core        renderer/src/core: database, documents, collections, spaces, sync, platform → core, shared
//   ui          renderer/src/ui: the kit every screen uses (dialogs, toasts, editor, files) → ui, core, shared
//   feature     renderer/src/features/<f>        → its own files, another feature's index.ts, ui, core, shared
//   app         renderer/src/app and main.tsx: the shell that composes the features → everything above
// Only core and a feature's store/ touch dexie, yjs and y-webrtc (the editor binds its Yjs fragment).
const storage = ['dexie', 'dexie-react-hooks', 'y-dexie', 'yjs', 'y-webrtc', 'y-protocols', 'y-protocols/*', 'lib0', 'lib0/*']
const layer = (from, to) => ({ from: { element: { type: from } }, allow: { to: { element: { types: { anyOf: to } } } } })
const restrict = (patterns, message, paths = []) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }], paths }]
})
const rendererStorage = [
  ['electron', '**/electron/**', ...storage],
  'The renderer never imports electron; only src/core and a feature\'s store/ touch dexie, yjs and y-webrtc.'
]
// a screen holds handles, plain values and commands from its store, never a document or its link
const documentAccess = 'A screen gets handles, plain values and commands from its store; documents and their links stay in store/.'
const noDocuments = [
  { name: '@core/sync/docLink.ts', importNames: ['DocLink'], message: documentAccess },
  { name: '@core/sync/useSharedDoc.ts', importNames: ['useSharedDoc'], message: documentAccess },
  { name: '@core/spaces/hooks.ts', importNames: ['useSpaceRootDoc'], message: documentAccess }
]

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'dist-web', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    // type-aware rules: a promise is awaited, returned, or handed off with `void` on purpose
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error'
    }
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      ['**/electron/**', '**/renderer/**', 'electron', 'node:*', 'react', 'react-dom', ...storage],
      'shared/ is pure TypeScript: no electron/, renderer/, Node, DOM, React or storage imports.'
    )
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/core/**', 'renderer/src/features/*/store/**', 'renderer/src/ui/editor/**'],
    rules: restrict(...rendererStorage)
  },
  {
    // the same for a feature's screens, and no document or link either (options replace, not merge)
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    ignores: ['renderer/src/features/*/store/**'],
    rules: restrict(...rendererStorage, noDocuments)
  },
  {
    files: ['renderer/src/core/**', 'renderer/src/features/*/store/**'],
    rules: restrict(['electron', '**/electron/**'], 'The renderer never imports electron.')
  },
  {
    // the layers above, enforced on every import of the app's own code (aliases resolved by tsconfig)
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts', 'electron/**/*.ts'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      'import/resolver': { typescript: { project: 'tsconfig.json' } },
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared', partialMatch: false },
        { type: 'main', pattern: 'electron', partialMatch: false },
        { type: 'core', pattern: 'renderer/src/core', partialMatch: false },
        { type: 'ui', pattern: 'renderer/src/ui', partialMatch: false },
        { type: 'feature', pattern: 'renderer/src/features/*', partialMatch: false, capture: ['feature'] },
        { type: 'app', pattern: 'renderer/src/app', partialMatch: false },
        // main.tsx and styles.css: the renderer's entry, part of the shell
        { type: 'app', pattern: 'renderer/src', partialMatch: false }
      ]
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          message: 'A {{ from.element.type }} may not import this {{ to.element.type }} file (the layers are in eslint.config.js and ARCHITECTURE.md)',
          policies: [
            layer('shared', ['shared']),
            layer('main', ['main', 'shared']),
            layer('core', ['core', 'shared']),
            layer('ui', ['ui', 'core', 'shared']),
            layer('feature', ['ui', 'core', 'shared']),
            layer('app', ['app', 'ui', 'core', 'shared']),
            // a feature's own files are its own business; any other code reaches a feature only
            // through its index.ts
            { allow: { dependency: { relationship: { to: 'internal' } } } },
            {
              from: { element: { types: { anyOf: ['feature', 'app'] } } },
              allow: { to: { element: { type: 'feature', fileInternalPath: 'index.ts' } } }
            }
          ]
        }
      ],
      'import-x/no-cycle': 'error'
    }
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(['**/renderer/**', 'react', ...storage], 'Main and preload never import the renderer or its storage.')
  }
)
