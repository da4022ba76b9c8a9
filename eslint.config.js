// Lint rules, including the import-direction rules that keep the architecture honest:
// the renderer never reaches Electron or Node, and the shared contract imports nothing runtime-specific.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'net',
  'url',
  'stream',
  'worker_threads',
  'zlib',
];
const nodeOnly = [...nodeBuiltins, ...nodeBuiltins.map((m) => `node:${m}`), 'node:*'];

/** What no renderer file may import: Electron, Node, the main process beyond its shared contract. */
const rendererRestrictions = {
  paths: [
    {
      name: 'electron',
      message: '渲染进程不得引用 Electron：请通过 src-renderer/src/api 调用契约。',
    },
  ],
  patterns: [
    { group: nodeOnly, message: '渲染进程不得引用 Node 模块。' },
    {
      group: ['**/src-main/*', '!**/src-main/shared', '**/src-main/!(shared)/**'],
      message: '渲染进程只能引用 src-main/shared（契约与台账定义）。',
    },
  ],
};

/**
 * The first frame's modules (main.tsx → start.tsx → first-frame/): drawn before antd and the screens have loaded,
 * so neither may be imported on that path, or the first frame waits for them again.
 */
const firstFrameFiles = [
  'src-renderer/src/main.tsx',
  'src-renderer/src/boot.ts',
  'src-renderer/src/start.tsx',
  'src-renderer/src/first-frame/**',
  'src-renderer/src/api/**',
  'src-renderer/src/layout/ShellFrame.tsx',
  'src-renderer/src/layout/NavMenu.tsx',
  'src-renderer/src/layout/StoreNotices.tsx',
  'src-renderer/src/pages/dashboard/KeyNumbers.tsx',
  'src-renderer/src/pages/dashboard/DashboardHeading.tsx',
  'src-renderer/src/lib/afterPaint.ts',
  'src-renderer/src/lib/format.ts',
  'src-renderer/src/lib/periodStorage.ts',
  'src-renderer/src/lib/permissions.ts',
  'src-renderer/src/hooks/useLocalStorageState.ts',
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'tests/fixtures/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererRestrictions],
    },
  },
  {
    files: firstFrameFiles,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererRestrictions.paths,
          patterns: [
            ...rendererRestrictions.patterns,
            {
              group: ['antd', 'antd/*', 'dayjs', 'echarts', 'echarts-for-react'],
              message: '首屏（main.tsx → start.tsx）在 antd 与各页面载入之前绘制：不得引用 antd 等界面库。',
            },
            {
              group: [
                '**/pages/*/!(KeyNumbers|DashboardHeading)',
                '**/layout/routes',
                '**/App',
                '**/components/*',
              ],
              message: '首屏不得引用各页面与应用组件：它们随 app-root.tsx 载入。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: '只有 src-main/electron 可以引用 Electron：服务在纯 Node 中运行与测试。',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: '契约目录必须与运行时无关。' }],
          patterns: [
            { group: nodeOnly, message: '契约目录必须与运行时无关：不得引用 Node 模块。' },
            {
              group: ['docx', 'exceljs', 'lowdb', 'lowdb/*', 'react', 'antd'],
              message: '契约目录只可引用 zod。',
            },
            {
              group: [
                '**/store/**',
                '**/services/**',
                '**/router/**',
                '**/doors/**',
                '**/electron/**',
                '**/app/**',
                '**/word/**',
                '**/excel/**',
                '**/stats/**',
              ],
              message: '契约目录不得引用其它主进程目录。',
            },
          ],
        },
      ],
    },
  },
);
