/** Jest runs TypeScript through ts-jest without type checking (npm run typecheck does that once). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { diagnostics: false, tsconfig: { module: 'CommonJS', isolatedModules: true } }],
  },
  testTimeout: 30000,
};
