import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

// The layering of the house, declared once (see ARCHITECTURE.md):
// - shared/ imports nothing from electron/ or renderer/, and no DOM, Node or Electron API;
// - the renderer never imports electron, main never imports the renderer;
// - only renderer/src/core, renderer/src/data and renderer/src/sync touch dexie, yjs and y-webrtc.
const storage = ['dexie', 'dexie-react-hooks', 'y-dexie', 'yjs', 'y-webrtc', 'y-protocols', 'y-protocols/*', 'lib0', 'lib0/*']
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
})

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
    ignores: ['renderer/src/core/**', 'renderer/src/data/**', 'renderer/src/sync/**'],
    rules: restrict(
      ['electron', '**/electron/**', ...storage],
      'The renderer never imports electron; only src/core, src/data and src/sync touch dexie, yjs and y-webrtc.'
    )
  },
  {
    files: ['renderer/src/data/**', 'renderer/src/sync/**'],
    rules: restrict(['electron', '**/electron/**', '**/features/**', '**/app/**'], 'data/ and sync/ sit below the UI and never import electron.')
  },
  {
    files: ['renderer/src/core/**'],
    rules: restrict(
      ['electron', '**/electron/**', '**/features/**', '**/app/**', '**/data/**', '**/sync/**'],
      'core/ knows no feature and sits below data/, sync/ and the UI.'
    )
  },
  {
    files: ['electron/**/*.ts'],
    rules: restrict(['**/renderer/**', 'react', ...storage], 'Main and preload never import the renderer or its storage.')
  }
)
