// Two projects: unit (services in plain Node against temp data dirs) and e2e (Chromium against web mode).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Chromium instances are heavy on a two-core machine: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
