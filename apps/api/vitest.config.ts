import { defineProject } from 'vitest/config';

// The timeout guards against a hang. Rendering a .docx through a real server took 22 s on a heavily
// loaded 2-core machine (1–3 s idle), so it is wider than that; no test here measures speed.
export default defineProject({ test: { name: 'api', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 60_000 } });
