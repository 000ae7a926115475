import { readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Readable, Writable } from 'node:stream';
import type { CaseSummary, EvidenceFile, LogEvent } from '../../shared/types';
import { isVetbenchError } from '../engine/errors';
import { formatBytes, importEvidence, type ImportSource } from '../engine/evidence/importEvidence';
import type { KdfCost } from '../engine/store/keyring';
import { defaultVaultDir } from '../engine/store/location';
import { Workstation } from '../engine/workstation';
import { analyzeCommand } from './analyzeCommand';
import { promptHidden } from './prompt';

export const EXIT_OK = 0;
export const EXIT_VERIFY_FAILED = 1;
export const EXIT_USAGE = 2;

export interface CliIo {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const USAGE = `Usage: vetbench [--vault DIR] [--json] COMMAND

Analysis (stateless, no vault)
  vetbench analyze [--json] [--id FILE]... [--cv FILE]... FILE...

Vault
  vetbench vault init [--reviewer NAME]      create a vault (asks for a passphrase twice)
  vetbench vault change-passphrase           re-wrap the vault key under a new passphrase
  vetbench vault status                      where the vault is and whether it exists

Cases
  vetbench case create NAME
  vetbench case list [--search TEXT]
  vetbench case show CASE                    CASE is an id, an id prefix (6+) or the exact name
  vetbench case rename CASE NAME
  vetbench case import CASE FILE...          JPEG, PNG, WebP, TIFF, PDF, DOCX, UTF-8 text

Vetting log
  vetbench log show [--case CASE] [--limit N]
  vetbench log verify                        exit 1 when the hash chain is broken

Options
  --vault DIR          vault folder (default: ${defaultVaultDir()})
  --json               print one JSON document on stdout
  --reviewer NAME      reviewer recorded in the log (default: the OS user)
  --max-import-mb N    largest file to import (default 100)

The passphrase comes from VETBENCH_PASSPHRASE or a prompt; VETBENCH_NEW_PASSPHRASE gives the
new one for change-passphrase. Exit codes: 0 ok, 1 log verification failed, 2 bad usage or
input (a wrong passphrase included, and an import in which any file was rejected).
`;

class UsageError extends Error {}

/** Runs one CLI invocation; returns the exit code. Progress and errors go to stderr only. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  // `analyze` is stateless and has its own options (DESIGN.md, the CLI contract).
  if (argv[0] === 'analyze') return analyzeCommand(argv.slice(1), io);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        vault: { type: 'string' },
        json: { type: 'boolean', default: false },
        reviewer: { type: 'string' },
        search: { type: 'string' },
        case: { type: 'string' },
        limit: { type: 'string' },
        'max-import-mb': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    io.stderr.write(`vetbench: ${(error as Error).message}\nRun vetbench --help for usage.\n`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout.write('vetbench 0.1.0\n');
    return EXIT_OK;
  }
  if (values.help || positionals.length === 0) {
    (values.help ? io.stdout : io.stderr).write(USAGE);
    return values.help ? EXIT_OK : EXIT_USAGE;
  }

  const maxImportMb = values['max-import-mb'] === undefined ? 100 : Number(values['max-import-mb']);
  if (!Number.isFinite(maxImportMb) || maxImportMb <= 0) {
    io.stderr.write(`vetbench: --max-import-mb must be a positive number, not "${values['max-import-mb']}"\n`);
    return EXIT_USAGE;
  }
  const vaultDir = resolve(io.cwd, values.vault ?? io.env['VETBENCH_VAULT_DIR'] ?? defaultVaultDir());
  const workstation = new Workstation({
    vaultDir,
    maxImportBytes: Math.round(maxImportMb * 1024 * 1024),
    kdfCost: (io.env['VETBENCH_KDF'] === 'test' ? 'test' : 'interactive') satisfies KdfCost,
  });
  const reviewer = values.reviewer ?? io.env['VETBENCH_REVIEWER'] ?? safeUserName();
  const out = (json: unknown, text: string) =>
    io.stdout.write(values.json ? `${JSON.stringify(json, null, 2)}\n` : text);
  const [group, command, ...rest] = positionals;

  const passphrase = async (envName: string, question: string, confirm = false): Promise<string> => {
    const fromEnv = io.env[envName];
    if (fromEnv) return fromEnv;
    if (!io.stdin.isTTY)
      throw new UsageError(`no passphrase: set ${envName} or run vetbench in a terminal to be asked for it`);
    const first = await promptHidden(io, question);
    if (confirm && (await promptHidden(io, 'Repeat it: ')) !== first)
      throw new UsageError('the two passphrases differ; nothing was changed');
    return first;
  };
  let currentPassphrase = '';
  const unlock = async () => {
    currentPassphrase = await passphrase('VETBENCH_PASSPHRASE', `Passphrase for ${vaultDir}: `);
    await workstation.handlers.unlockVault({ passphrase: currentPassphrase, reviewer });
    return workstation.requireVault();
  };
  const needArgs = (count: number, usage: string) => {
    if (rest.length < count) throw new UsageError(`usage: vetbench ${usage}`);
  };

  try {
    switch (`${group} ${command ?? ''}`.trim()) {
      case 'vault init': {
        const secret = await passphrase('VETBENCH_PASSPHRASE', 'New vault passphrase (12+ characters): ', true);
        const status = await workstation.handlers.createVault({ passphrase: secret, reviewer });
        out(status, `Created vault ${status.vaultId} in ${vaultDir} (reviewer ${status.reviewer}).\n`);
        return EXIT_OK;
      }
      case 'vault status': {
        const status = await workstation.handlers.getVaultStatus({});
        out(
          status,
          `${vaultDir}: ${status.exists ? 'vault present (locked)' : 'no vault yet; create one with vetbench vault init'}\n`,
        );
        return EXIT_OK;
      }
      case 'vault change-passphrase': {
        await unlock();
        const next = await passphrase('VETBENCH_NEW_PASSPHRASE', 'New passphrase: ', true);
        await workstation.handlers.changePassphrase({ current: currentPassphrase, next });
        out({ changed: true }, 'Passphrase changed; the vault key was re-wrapped, the data was not rewritten.\n');
        return EXIT_OK;
      }
      case 'case create': {
        needArgs(1, 'case create NAME');
        await unlock();
        const created = await workstation.handlers.createCase({ name: rest.join(' ') });
        out(created, `Created case ${created.id}  ${created.name}\n`);
        return EXIT_OK;
      }
      case 'case list': {
        await unlock();
        const cases = await workstation.handlers.listCases({ search: values.search });
        out(cases, formatCases(cases));
        return EXIT_OK;
      }
      case 'case show': {
        needArgs(1, 'case show CASE');
        const vault = await unlock();
        const found = vault.cases.resolve(rest.join(' '));
        const detail = await workstation.handlers.getCase({ caseId: found.id });
        out(detail, formatCaseDetail(detail.case, detail.evidence));
        return EXIT_OK;
      }
      case 'case rename': {
        needArgs(2, 'case rename CASE NAME');
        const vault = await unlock();
        const found = vault.cases.resolve(rest[0]!);
        const renamed = await workstation.handlers.renameCase({ caseId: found.id, name: rest.slice(1).join(' ') });
        out(renamed, `Renamed case ${renamed.id} to ${renamed.name}\n`);
        return EXIT_OK;
      }
      case 'case import': {
        needArgs(2, 'case import CASE FILE...');
        const vault = await unlock();
        const found = vault.cases.resolve(rest[0]!);
        const sources = rest.slice(1).map((file) => fileSource(resolve(io.cwd, file)));
        const outcomes = importEvidence(vault, found.id, sources, {
          actor: vault.meta.reviewer,
          maxImportBytes: Math.round(maxImportMb * 1024 * 1024),
          onFile: (current, total, name) => io.stderr.write(`[${current}/${total}] ${name}\n`),
        });
        const text = outcomes
          .map((o) =>
            o.status === 'rejected'
              ? `rejected   ${o.reason}\n`
              : `${o.status.padEnd(10)} ${o.name}  ${o.evidence.mediaType}  ${formatBytes(o.evidence.sizeBytes)}  ${o.evidence.sha256.slice(0, 12)}\n`,
          )
          .join('');
        out({ case: vault.cases.get(found.id), outcomes }, text);
        return outcomes.some((o) => o.status === 'rejected') ? EXIT_USAGE : EXIT_OK;
      }
      case 'log show': {
        const vault = await unlock();
        const caseId = values.case ? vault.cases.resolve(values.case).id : undefined;
        const limit = values.limit === undefined ? 100 : Number(values.limit);
        if (!Number.isInteger(limit) || limit < 1)
          throw new UsageError(`--limit must be a positive whole number, not "${values.limit}"`);
        const events = await workstation.handlers.listLog({ caseId, limit });
        out(events, formatLog(events));
        return EXIT_OK;
      }
      case 'log verify': {
        await unlock();
        const result = await workstation.handlers.verifyLog({});
        out(
          result,
          result.ok
            ? `Log intact: ${result.eventCount} events, head #${result.headSequence} ${result.headHash}\n`
            : `Log BROKEN at event #${result.firstBroken!.sequence} (${result.firstBroken!.problem}): ${result.firstBroken!.detail}\n${result.eventCount} events before it verify.\n`,
        );
        return result.ok ? EXIT_OK : EXIT_VERIFY_FAILED;
      }
      default:
        throw new UsageError(`unknown command "${positionals.join(' ')}"; run vetbench --help`);
    }
  } catch (error) {
    if (error instanceof UsageError || isVetbenchError(error)) {
      io.stderr.write(`vetbench: ${error.message}\n`);
      return EXIT_USAGE;
    }
    io.stderr.write(`vetbench: unexpected error: ${(error as Error).message}\n`);
    return EXIT_USAGE;
  } finally {
    workstation.close();
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'reviewer';
  }
}

/** A file on disk, sized by stat so an oversized one is refused before it is read. */
function fileSource(path: string): ImportSource {
  const name = basename(path);
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      return {
        name,
        sizeBytes: 0,
        read: () => {
          throw Object.assign(new Error('folder'), { code: 'EISDIR' });
        },
      };
    }
    return { name, sizeBytes: stat.size, read: () => readFileSync(path) };
  } catch (error) {
    return {
      name,
      sizeBytes: 0,
      read: () => {
        throw error;
      },
    };
  }
}

const table = (rows: string[][]): string => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return (
    rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') +
    '\n'
  );
};

const localTime = (iso: string) => iso.replace('T', ' ').slice(0, 16);

function formatCases(cases: CaseSummary[]): string {
  if (cases.length === 0) return 'No cases. Create one with: vetbench case create NAME\n';
  return table([
    ['ID', 'STATUS', 'FILES', 'UPDATED (UTC)', 'NAME'],
    ...cases.map((c) => [c.id.slice(0, 8), c.status, String(c.evidenceCount), localTime(c.updatedAt), c.name]),
  ]);
}

function formatCaseDetail(c: CaseSummary, evidence: EvidenceFile[]): string {
  const head = `Case ${c.id}\nName     ${c.name}\nStatus   ${c.status}\nCreated  ${c.createdAt}\nUpdated  ${c.updatedAt}\n\n`;
  if (evidence.length === 0)
    return `${head}No evidence yet. Import files with: vetbench case import ${c.id.slice(0, 8)} FILE...\n`;
  return (
    head +
    table([
      ['FILE', 'TYPE', 'SIZE', 'SHA-256', 'IMPORTED (UTC)'],
      ...evidence.map((e) => [
        e.originalName,
        e.mediaType,
        formatBytes(e.sizeBytes),
        e.sha256.slice(0, 16),
        localTime(e.importedAt),
      ]),
    ])
  );
}

function formatLog(events: LogEvent[]): string {
  if (events.length === 0) return 'The log is empty.\n';
  const summary = (e: LogEvent) => {
    const p = e.payload;
    const value = p['name'] ?? p['to'] ?? p['reason'] ?? '';
    return String(value).slice(0, 80);
  };
  return table([
    ['#', 'TIME (UTC)', 'ACTOR', 'EVENT', 'HASH', 'DETAIL'],
    ...[...events]
      .reverse()
      .map((e) => [String(e.sequence), localTime(e.at), e.actor, e.type, e.hash.slice(0, 12), summary(e)]),
  ]);
}
