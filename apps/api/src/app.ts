import { parseReview } from '@polev/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export interface AppOptions {
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
}

/**
 * The HTTP API as a Hono app, without a server, so tests and hosts can mount it. It parses the
 * request, calls @polev/core, and maps the outcome to a status: 200 valid, 422 invalid review.
 */
export function createApp(options: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBodyBytes = options.maxBodyBytes ?? 50 * 1024 * 1024;

  app.get('/health', (c) => c.json({ status: 'ok' }));

  app.post(
    '/v1/validate',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => c.json({ error: 'payload-too-large', message: `the body exceeds ${maxBodyBytes} bytes` }, 413),
    }),
    async (c) => {
      const text = await c.req.text();
      if (!text.trim()) {
        return c.json({ error: 'empty-body', message: 'send the review as YAML or JSON in the request body' }, 400);
      }
      const file = c.req.query('file') ?? '<request body>';
      const result = parseReview(text, { file });
      return result.ok
        ? c.json({ valid: true, warnings: result.warnings })
        : c.json({ valid: false, problems: result.problems }, 422);
    },
  );

  app.notFound((c) => c.json({ error: 'not-found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((err, c) => {
    console.error(err);
    return c.json({ error: 'internal', message: 'an unexpected error occurred; it has been logged' }, 500);
  });
  return app;
}
