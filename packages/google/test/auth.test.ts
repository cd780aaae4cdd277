import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { type GoogleStandIn, startGoogleStandIn } from '@toolbelt/testkit/google';
import {
  createGoogleSheetStore,
  openCalendarSink,
  openSheetStore,
  resolveGoogleAuth,
} from '../src/index.js';

let standIn: GoogleStandIn;
let dir: string;
const EMAIL = 'toolbelt-ci@project.iam.gserviceaccount.com';
const ID = 'auth-test-spreadsheet-000000001';

function jwtIssuer(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: string }).iss;
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  // Accept a self-signed service-account JWT from EMAIL, or a token the stand-in issued on refresh.
  standIn = await startGoogleStandIn({
    acceptToken: (t) =>
      t.startsWith('stand-in-access-') || jwtIssuer(t) === EMAIL || t === 'env-token',
  });
  standIn.seedSpreadsheet(ID, { tabs: { Sheet1: { values: [['ok']] } } });
  dir = await mkdtemp(join(tmpdir(), 'tb-auth-'));
}, 60_000);
afterAll(async () => {
  await standIn.stop();
  await rm(dir, { recursive: true, force: true });
});

async function expectAuth(promise: Promise<unknown>, ...words: string[]): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isToolbeltError(error) && error.exitCode).toBe(77);
  for (const w of words) expect((error as Error).message).toContain(w);
}

describe('credentials', () => {
  it('picks GOOGLE_ACCESS_TOKEN, then CREDENTIALS_FILE, then GOOGLE_APPLICATION_CREDENTIALS; none is AUTH naming the variables', async () => {
    expect(resolveGoogleAuth({ GOOGLE_ACCESS_TOKEN: 't', CREDENTIALS_FILE: '/a' })).toEqual({
      kind: 'access-token',
      accessToken: 't',
    });
    expect(
      resolveGoogleAuth({ CREDENTIALS_FILE: '/a', GOOGLE_APPLICATION_CREDENTIALS: '/b' }),
    ).toEqual({ kind: 'key-file', file: '/a', variable: 'CREDENTIALS_FILE' });
    expect(resolveGoogleAuth({ GOOGLE_APPLICATION_CREDENTIALS: '/b' })).toEqual({
      kind: 'key-file',
      file: '/b',
      variable: 'GOOGLE_APPLICATION_CREDENTIALS',
    });
    await expectAuth(
      Promise.resolve().then(() => resolveGoogleAuth({})),
      'CREDENTIALS_FILE',
      'GOOGLE_APPLICATION_CREDENTIALS',
    );
  });

  it('a missing or malformed key file is AUTH naming the file and the variable', async () => {
    const missing = join(dir, 'missing.json');
    const store = createGoogleSheetStore({
      spreadsheetId: ID,
      auth: { kind: 'key-file', file: missing, variable: 'GOOGLE_APPLICATION_CREDENTIALS' },
      rootUrl: standIn.rootUrl,
    });
    await expectAuth(store.listTabs(), missing, 'GOOGLE_APPLICATION_CREDENTIALS');
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"type": "something_else"}');
    await expectAuth(
      createGoogleSheetStore({
        spreadsheetId: ID,
        auth: { kind: 'key-file', file: bad },
        rootUrl: standIn.rootUrl,
      }).listTabs(),
      bad,
      'CREDENTIALS_FILE',
    );
  });

  it('signs requests with a service-account key (self-signed JWT, no token exchange)', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const file = join(dir, 'sa.json');
    await writeFile(
      file,
      JSON.stringify({
        type: 'service_account',
        client_email: EMAIL,
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
        private_key_id: 'k1',
      }),
    );
    const store = openSheetStore(ID, {
      CREDENTIALS_FILE: file,
      GOOGLE_API_ROOT_URL: standIn.rootUrl,
    });
    expect(await store.listTabs()).toEqual(['Sheet1']);
    expect(standIn.requests.log().some((r) => r.method === 'oauth2.token')).toBe(false);
  });

  it('desktop OAuth: refuses to open a browser without a terminal, naming the token cache', async () => {
    const client = join(dir, 'client.json');
    await writeFile(
      client,
      JSON.stringify({
        installed: {
          client_id: 'desk-1.apps.googleusercontent.com',
          client_secret: 's',
          redirect_uris: ['http://localhost'],
        },
      }),
    );
    const tokenFile = join(dir, 'tokens', 'nobody.json');
    const store = createGoogleSheetStore({
      spreadsheetId: ID,
      auth: { kind: 'key-file', file: client, tokenFile, interactive: false },
      rootUrl: standIn.rootUrl,
    });
    await expectAuth(store.listTabs(), tokenFile);
  });

  it('desktop OAuth: caches the signed-in token with mode 0600 and refreshes it silently next time', async () => {
    const client = join(dir, 'client2.json');
    await writeFile(
      client,
      JSON.stringify({
        installed: {
          client_id: 'desk-2.apps.googleusercontent.com',
          client_secret: 's',
          redirect_uris: ['http://localhost'],
        },
      }),
    );
    const tokenFile = join(dir, 'config', 'toolbelt', 'google-token.json');
    let signIns = 0;
    const signIn = () => {
      signIns += 1;
      return Promise.resolve({
        access_token: 'expired',
        refresh_token: 'refresh-1',
        expiry_date: Date.now() - 60_000,
        token_type: 'Bearer',
      });
    };
    const first = createGoogleSheetStore({
      spreadsheetId: ID,
      auth: { kind: 'key-file', file: client, tokenFile, interactive: true },
      rootUrl: standIn.rootUrl,
      authOptions: { tokenUrl: standIn.tokenUrl, signIn },
    });
    expect(await first.listTabs()).toEqual(['Sheet1']);
    expect(signIns).toBe(1);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    // The refreshed token is written back (asynchronously) for the next run.
    let cached = '';
    for (let i = 0; i < 50 && !cached.includes('stand-in-access-'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      cached = await readFile(tokenFile, 'utf8');
    }
    expect(cached).toContain('stand-in-access-');
    expect(cached).toContain('refresh-1');
    const second = createGoogleSheetStore({
      spreadsheetId: ID,
      auth: { kind: 'key-file', file: client, tokenFile, interactive: false },
      rootUrl: standIn.rootUrl,
      authOptions: { tokenUrl: standIn.tokenUrl, signIn },
    });
    expect(await second.listTabs()).toEqual(['Sheet1']);
    expect(signIns).toBe(1);
  });
});

describe('selectors', () => {
  it('pick the adapter from the reference and the env', async () => {
    expect(openSheetStore(join(dir, 'r.xlsx'), {}).kind).toBe('xlsx');
    expect(openCalendarSink(join(dir, 'rota.ics'), {}).kind).toBe('ics');
    const env = { GOOGLE_ACCESS_TOKEN: 'env-token', GOOGLE_API_ROOT_URL: standIn.rootUrl };
    const google = openSheetStore(`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`, env);
    expect(google.kind).toBe('google');
    expect(await google.listTabs()).toEqual(['Sheet1']);
    expect(openCalendarSink('team@group.calendar.google.com', env).kind).toBe('google');
    await expectAuth(
      Promise.resolve().then(() => openSheetStore(ID, {})),
      'CREDENTIALS_FILE',
    );
    const usage = (() => {
      try {
        openSheetStore('report.csv', {});
      } catch (e) {
        return e;
      }
    })();
    expect(isToolbeltError(usage) && usage.code).toBe('USAGE');
  });
});
