#!/usr/bin/env node
import { configFromEnv, startServer } from './server-lib.js';
import { serveUntilSignalled } from './lifecycle.js';

await serveUntilSignalled(await startServer(configFromEnv()));
