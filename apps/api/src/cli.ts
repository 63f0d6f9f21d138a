#!/usr/bin/env node
import { Command, Option } from 'commander';
import { CLASSIFICATIONS } from '@polev/core';
import { hashToken, newTokenId, newTokenSecret } from './auth.js';
import { serveUntilSignalled } from './lifecycle.js';
import { configFromEnv, startServer } from './server-lib.js';
import { ROLES, type Role } from './storage/repository.js';
import { openPostgres } from './storage/postgres.js';
import { openSqlite } from './storage/sqlite.js';

/** The database the server would use: DATABASE_URL (PostgreSQL), else --db or POLEV_DB (SQLite). */
const openRepository = async (db: string | undefined) => {
  const config = configFromEnv();
  return db === undefined && config.databaseUrl ? openPostgres(config.databaseUrl, { max: 1 }) : openSqlite(db ?? config.db);
};

/** `polev-api`: serve (the default), and manage tokens directly in the database. */
const program = new Command('polev-api').description('the polev HTTP API; settings from the environment: PORT, HOST, POLEV_DB, DATABASE_URL, POLEV_BOOTSTRAP_TOKEN, POLEV_CORS_ORIGINS, POLEV_MAX_BODY_BYTES, POLEV_MAX_IMPORT_BYTES, LOG_LEVEL');
program.command('serve', { isDefault: true }).description('start the server').action(async () => serveUntilSignalled(await startServer(configFromEnv())));

const db = new Option('--db <file>', 'the SQLite file (default: DATABASE_URL if set, else POLEV_DB or the data folder)');
const token = program.command('token').description('create, list or revoke API tokens in the database');
token
  .command('create')
  .description('create a token and print its secret (shown once)')
  .addOption(new Option('--role <role>', 'reader, editor or admin').choices(ROLES).makeOptionMandatory())
  .addOption(new Option('--clearance <level>', 'the highest classification it may see').choices(CLASSIFICATIONS).default('public'))
  .option('--name <name>', 'who or what holds it')
  .option('--expires <date>', 'ISO date or date-time after which it is refused')
  .addOption(db)
  .action(async (o: { role: Role; clearance: (typeof CLASSIFICATIONS)[number]; name?: string; expires?: string; db?: string }) => {
    const expires = o.expires ? new Date(o.expires) : null;
    if (expires && (Number.isNaN(expires.getTime()) || expires.getTime() <= Date.now())) program.error(`--expires must be a date in the future, not ${JSON.stringify(o.expires)}`);
    const repo = await openRepository(o.db);
    const secret = newTokenSecret();
    const t = await repo.createToken(
      { id: newTokenId(), hash: hashToken(secret), name: o.name ?? null, role: o.role, clearance: o.clearance, expiresAt: expires?.toISOString() ?? null },
      { id: 'cli' },
      new Date().toISOString(),
    );
    await repo.close();
    process.stderr.write(`created ${t.id} (${t.role}, clearance ${t.clearance}${t.expiresAt ? `, expires ${t.expiresAt}` : ''}); the secret is not shown again:\n`);
    process.stdout.write(`${secret}\n`);
  });
token
  .command('list')
  .description('list the tokens (never their secrets)')
  .addOption(db)
  .action(async (o: { db?: string }) => {
    const repo = await openRepository(o.db);
    for (const t of await repo.listTokens()) process.stdout.write(`${t.id}\t${t.role}\t${t.clearance}\t${t.name ?? ''}\t${t.revokedAt ? `revoked ${t.revokedAt}` : t.expiresAt ? `expires ${t.expiresAt}` : 'active'}\n`);
    await repo.close();
  });
token
  .command('revoke <id>')
  .description('revoke a token at once')
  .addOption(db)
  .action(async (id: string, o: { db?: string }) => {
    const repo = await openRepository(o.db);
    const t = await repo.revokeToken(id, { id: 'cli' }, new Date().toISOString());
    await repo.close();
    if (!t) program.error(`there is no token ${id}`);
    process.stderr.write(`revoked ${id}\n`);
  });

await program.parseAsync();
