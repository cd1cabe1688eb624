import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The server's shape (ADR 0007): a feature folder never imports another feature, nor the files
 * that assemble the app; and only the gate (platform/) and the audit feature write the audit trail.
 */
const SERVER_FEATURES = [
  'pupils',
  'levels',
  'concerns',
  'plans',
  'interventions',
  'referrals',
  'family',
  'improvement',
  'resources',
  'staff-survey',
  'reports',
  'training',
  'policies',
  'attendance',
  'provision',
  'retention',
  'early-identification',
  'subject-access',
  'transfers',
  'sso',
  'calendar',
];
const auditWriters = {
  group: ['**/audit/audit.service'],
  importNames: ['appendAudit', 'appendSchoolAudit'],
  message: 'Write audit entries through the gate’s handle (platform/gate.ts), not appendAudit.',
};
const assemblers = {
  group: ['**/app', '**/features'],
  message: 'Features never import the files that assemble the app; take registries from deps.',
};
const serverBoundaries = [
  {
    files: ['packages/server/src/**/*.ts'],
    ignores: ['packages/server/src/platform/**', 'packages/server/src/audit/**', '**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [auditWriters] }] },
  },
  ...SERVER_FEATURES.map((feature) => ({
    files: [`packages/server/src/${feature}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            auditWriters,
            assemblers,
            {
              group: SERVER_FEATURES.filter((f) => f !== feature).flatMap((f) => [`../${f}/*`, `../../${f}/*`]),
              message: 'A feature never imports another feature: contribute to a registry (platform/registries.ts).',
            },
          ],
        },
      ],
    },
  })),
];

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      'node_modules/**',
      '.test-template/**',
      'test-results/**',
      'data/**',
      'packages/server/migrations/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  ...serverBoundaries,
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tandem/server', '@tandem/server/*', '**/server/**'],
              message: 'The web app never imports server code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
