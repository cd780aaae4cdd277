import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isToolbeltError } from '@toolbelt/errors';
import { migrate, type Database } from '../src/index.js';

/** Opens a database for one contract run; `close()` of the database ends it. */
export type DatabaseFactory = () => Promise<Database>;

const slow = 120_000;

/** Strings that break naive CSV: quotes, separators, line breaks, backslashes, unicode. */
const awkward = [
  '',
  ' ',
  '"',
  '""',
  ',',
  'a,b',
  'line\nbreak',
  'crlf\r\nend',
  'tab\there',
  'back\\slash',
  '\\N',
  'NULL',
  'null',
  "it's",
  '"quoted, with comma"',
  'Привет, мир',
  '日本語テキスト',
  'emoji 🎉👍',
  'trailing space ',
];

/** Row i of the bulk-load fixture: every 7th text is NULL, the others cycle through `awkward`. */
function bulkRow(i: number): [number, string | null, number | null, boolean, Date] {
  const text = i % 7 === 0 ? null : `${awkward[i % awkward.length]}#${i}`;
  return [
    i,
    text,
    i % 5 === 0 ? null : i * 1.5,
    i % 2 === 0,
    new Date(Date.UTC(2024, 0, 1) + i * 1000),
  ];
}

// eslint-disable-next-line @typescript-eslint/require-await -- the code under test reads an AsyncIterable; these rows need no wait
async function* bulkRows(count: number): AsyncGenerator<readonly unknown[]> {
  for (let i = 1; i <= count; i++) yield bulkRow(i);
}

/**
 * The behaviour every `Database` adapter must show. Each adapter's test file calls this with
 * a factory; the assertions are the same for PGlite and PostgreSQL.
 */
export function databaseContract(name: string, factory: DatabaseFactory): void {
  describe(`Database contract: ${name}`, () => {
    let db: Database;

    beforeAll(async () => {
      db = await factory();
    }, slow);

    afterAll(async () => {
      await db?.close();
    }, slow);

    it('binds $n parameters, including NULL and unicode', async () => {
      const { rows } = await db.query<{ sum: number; t: string; n: string | null }>(
        'SELECT $1::int + $2::int AS sum, $3::text AS t, $4::text AS n',
        [2, 3, 'Ёж "ok", \'x\'', null],
      );
      expect(rows).toEqual([{ sum: 5, t: 'Ёж "ok", \'x\'', n: null }]);
    });

    it('runs several statements without parameters and returns the last result', async () => {
      const { rows } = await db.query<{ b: number }>('SELECT 1 AS a; SELECT 2 AS b');
      expect(rows).toEqual([{ b: 2 }]);
    });

    it('round-trips values to the same JS types', async () => {
      await db.query(`CREATE TABLE types_rt (
        i int, big bigint, huge bigint, num numeric(12,3), f float8, ok boolean, t text,
        tz timestamptz, ts timestamp, d date, j jsonb, b bytea, arr int[], bigs bigint[])`);
      const when = new Date('2024-03-05T06:07:08.123Z');
      await db.query(
        'INSERT INTO types_rt VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)',
        [
          42,
          9_007_199_254_740_991n,
          '9223372036854775807',
          '12345.678',
          1.25,
          true,
          'text',
          when,
          when,
          '2024-02-29',
          { nested: { list: [1, 'two', null] } },
          Buffer.from([0, 1, 254, 255]),
          [1, 2, 3],
          [1, 2],
        ],
      );
      const { rows } = await db.query('SELECT * FROM types_rt');
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row.i).toBe(42);
      expect(row.big).toBe(9_007_199_254_740_991);
      expect(row.huge).toBe('9223372036854775807');
      expect(row.num).toBe('12345.678');
      expect(row.f).toBe(1.25);
      expect(row.ok).toBe(true);
      expect(row.t).toBe('text');
      expect(row.tz).toBeInstanceOf(Date);
      expect((row.tz as Date).toISOString()).toBe(when.toISOString());
      expect((row.ts as Date).toISOString()).toBe(when.toISOString());
      expect(row.d).toBe('2024-02-29');
      expect(row.j).toEqual({ nested: { list: [1, 'two', null] } });
      expect(row.b).toBeInstanceOf(Uint8Array);
      expect([...(row.b as Uint8Array)]).toEqual([0, 1, 254, 255]);
      expect(row.arr).toEqual([1, 2, 3]);
      expect(row.bigs).toEqual([1, 2]);
      const counted = await db.query<{ n: number }>('SELECT count(*) AS n FROM types_rt');
      expect(counted.rows[0]?.n).toBe(1);
    });

    it('reports rowCount for writes and reads', async () => {
      await db.query('CREATE TABLE counts (id int PRIMARY KEY, v text)');
      const inserted = await db.query('INSERT INTO counts VALUES (1, $1), (2, $1), (3, $1)', ['x']);
      expect(inserted.rowCount).toBe(3);
      const updated = await db.query('UPDATE counts SET v = $1 WHERE id > $2', ['y', 1]);
      expect(updated.rowCount).toBe(2);
      const selected = await db.query('SELECT * FROM counts WHERE v = $1', ['y']);
      expect(selected.rowCount).toBe(2);
    });

    it('wraps SQL errors as INTERNAL with the SQLSTATE', async () => {
      const error = await db.query('SELECT * FROM no_such_table').catch((e: unknown) => e);
      expect(isToolbeltError(error)).toBe(true);
      expect(error).toMatchObject({ code: 'INTERNAL', params: { sqlState: '42P01' } });
      expect((error as Error).message).toContain('no_such_table');
      // The database is still usable afterwards.
      await expect(db.query('SELECT 1 AS one')).resolves.toMatchObject({ rows: [{ one: 1 }] });
    });

    it('commits a transaction that resolves', async () => {
      await db.query('CREATE TABLE tx_commit (id int PRIMARY KEY)');
      const result = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_commit VALUES ($1)', [1]);
        await tx.query('INSERT INTO tx_commit VALUES ($1)', [2]);
        return 'done';
      });
      expect(result).toBe('done');
      const { rows } = await db.query('SELECT id FROM tx_commit ORDER BY id');
      expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
    });

    it('rolls back a transaction that throws, passing the error through', async () => {
      await db.query('CREATE TABLE tx_rollback (id int PRIMARY KEY)');
      const own = new Error('caller failed');
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO tx_rollback VALUES (1)');
          throw own;
        }),
      ).rejects.toBe(own);
      const sqlError = await db
        .transaction(async (tx) => {
          await tx.query('INSERT INTO tx_rollback VALUES (2)');
          await tx.query('INSERT INTO tx_rollback VALUES (2)');
        })
        .catch((e: unknown) => e);
      expect(sqlError).toMatchObject({ code: 'INTERNAL', params: { sqlState: '23505' } });
      const { rows } = await db.query('SELECT * FROM tx_rollback');
      expect(rows).toEqual([]);
    });

    it('nests transactions on the tx object with savepoints', async () => {
      await db.query('CREATE TABLE tx_nested (id int PRIMARY KEY)');
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_nested VALUES (1)');
        await expect(
          tx.transaction(async (inner) => {
            await inner.query('INSERT INTO tx_nested VALUES (2)');
            throw new Error('inner fails');
          }),
        ).rejects.toThrow('inner fails');
        await tx.transaction(async (inner) => {
          await inner.query('INSERT INTO tx_nested VALUES (3)');
        });
      });
      const { rows } = await db.query('SELECT id FROM tx_nested ORDER BY id');
      expect(rows).toEqual([{ id: 1 }, { id: 3 }]);
    });

    it('refuses to use a transaction object after it finished', async () => {
      let leaked: { query: (sql: string) => Promise<unknown> } | undefined;
      await db.transaction((tx) => {
        leaked = tx;
        return Promise.resolve();
      });
      await expect(leaked!.query('SELECT 1')).rejects.toMatchObject({ code: 'INTERNAL' });
    });

    it(
      'bulk-loads 12k rows with awkward strings and NULLs exactly',
      async () => {
        await db.query(
          'CREATE TABLE bulk (id int PRIMARY KEY, label text, amount float8, flag boolean, at timestamptz)',
        );
        const count = 12_000;
        const loaded = await db.copyFrom(
          'bulk',
          ['id', 'label', 'amount', 'flag', 'at'],
          bulkRows(count),
        );
        expect(loaded).toBe(count);
        const { rows } = await db.query<{
          id: number;
          label: string | null;
          amount: number | null;
          flag: boolean;
          at: Date;
        }>('SELECT id, label, amount, flag, at FROM bulk ORDER BY id');
        expect(rows).toHaveLength(count);
        for (const row of rows) {
          const [id, label, amount, flag, at] = bulkRow(row.id);
          expect(row).toEqual({ id, label, amount, flag, at });
        }
        const nulls = await db.query<{ nulls: number; empties: number }>(
          "SELECT count(*) FILTER (WHERE label IS NULL) AS nulls, count(*) FILTER (WHERE label = '#' || id) AS empties FROM bulk",
        );
        expect(nulls.rows[0]).toEqual({
          nulls: Math.floor(count / 7),
          empties: rows.filter((r) => r.label === `#${r.id}`).length,
        });
        expect(nulls.rows[0]!.empties).toBeGreaterThan(0);
      },
      slow,
    );

    it('bulk-loads from a plain iterable and keeps empty string apart from NULL', async () => {
      await db.query('CREATE TABLE bulk_small ("Mixed Case" text, j jsonb, b bytea, tags text[])');
      const rows = [
        ['', { a: '"x"' }, Buffer.from('hi'), ['a', 'b,c', 'd"e']],
        [null, null, null, null],
        ['x', JSON.stringify([1, 2]), new Uint8Array([255]), []],
      ];
      expect(await db.copyFrom('bulk_small', ['Mixed Case', 'j', 'b', 'tags'], rows)).toBe(3);
      const { rows: back } = await db.query(
        'SELECT "Mixed Case" AS m, "Mixed Case" IS NULL AS is_null, j, b, tags FROM bulk_small ORDER BY m NULLS LAST',
      );
      expect(back.map((r) => [r.m, r.is_null, r.j, r.tags])).toEqual([
        ['', false, { a: '"x"' }, ['a', 'b,c', 'd"e']],
        ['x', false, [1, 2], []],
        [null, true, null, null],
      ]);
      expect(Buffer.from(back[0]!.b as Uint8Array).toString()).toBe('hi');
    });

    it('rejects a row with the wrong number of values and loads nothing', async () => {
      await db.query('CREATE TABLE bulk_width (a int, b int)');
      const error = await db
        .copyFrom('bulk_width', ['a', 'b'], [[1, 2], [3]])
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'DATA' });
      const { rows } = await db.query('SELECT * FROM bulk_width');
      expect(rows).toEqual([]);
    });

    it('loads nothing when the server rejects a row in the middle', async () => {
      await db.query('CREATE TABLE bulk_bad (id int PRIMARY KEY)');
      // eslint-disable-next-line @typescript-eslint/require-await -- the code under test reads an AsyncIterable; these rows need no wait
      async function* rows() {
        for (let i = 1; i <= 5000; i++) yield [i];
        yield [1]; // duplicate key
      }
      const error = await db.copyFrom('bulk_bad', ['id'], rows()).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'INTERNAL', params: { sqlState: '23505' } });
      const { rows: left } = await db.query('SELECT count(*) AS n FROM bulk_bad');
      expect(left[0]?.n).toBe(0);
    });

    it('makes copyFrom part of the surrounding transaction', async () => {
      await db.query('CREATE TABLE bulk_tx (id int PRIMARY KEY, note text)');
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO bulk_tx VALUES (0, $1)', ['before']);
          const n = await tx.copyFrom(
            'bulk_tx',
            ['id', 'note'],
            Array.from({ length: 3000 }, (_, i) => [i + 1, `row ${i + 1}`]),
          );
          expect(n).toBe(3000);
          const seen = await tx.query<{ n: number }>('SELECT count(*) AS n FROM bulk_tx');
          expect(seen.rows[0]?.n).toBe(3001);
          throw new Error('abort after copy');
        }),
      ).rejects.toThrow('abort after copy');
      const { rows } = await db.query('SELECT count(*) AS n FROM bulk_tx');
      expect(rows[0]?.n).toBe(0);

      await db.transaction(async (tx) => {
        await tx.copyFrom('bulk_tx', ['id', 'note'], [[1, 'kept']]);
      });
      const kept = await db.query('SELECT * FROM bulk_tx');
      expect(kept.rows).toEqual([{ id: 1, note: 'kept' }]);
    });

    it('runs each migration once and records it', async () => {
      const migrations = [
        { id: '0001-create', sql: 'CREATE TABLE mig_items (id int PRIMARY KEY, name text)' },
        {
          id: '0002-seed',
          sql: "INSERT INTO mig_items VALUES (1, 'a'); INSERT INTO mig_items VALUES (2, 'b')",
        },
      ];
      const first = await migrate(db, migrations, { table: 'contract_migrations' });
      expect(first).toEqual({ applied: ['0001-create', '0002-seed'], skipped: [] });
      const second = await migrate(db, migrations, { table: 'contract_migrations' });
      expect(second).toEqual({ applied: [], skipped: ['0001-create', '0002-seed'] });
      const more = [
        ...migrations,
        { id: '0003-more', sql: "INSERT INTO mig_items VALUES (3, 'c')" },
      ];
      expect(await migrate(db, more, { table: 'contract_migrations' })).toEqual({
        applied: ['0003-more'],
        skipped: ['0001-create', '0002-seed'],
      });
      const { rows } = await db.query('SELECT count(*) AS n FROM mig_items');
      expect(rows[0]?.n).toBe(3);
      const recorded = await db.query('SELECT id FROM contract_migrations ORDER BY id');
      expect(recorded.rows.map((r) => r.id)).toEqual(['0001-create', '0002-seed', '0003-more']);
    });

    it('leaves nothing behind when a migration fails', async () => {
      const migrations = [
        { id: '0001-ok', sql: 'CREATE TABLE mig_ok (id int)' },
        { id: '0002-bad', sql: 'CREATE TABLE mig_half (id int); SELECT * FROM mig_missing' },
      ];
      const error = await migrate(db, migrations, { table: 'failing_migrations' }).catch(
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        code: 'INTERNAL',
        params: { migration: '0002-bad', sqlState: '42P01' },
      });
      expect((error as Error).message).toContain('0002-bad');
      const half = await db.query<{ t: string | null }>(
        "SELECT to_regclass('mig_half')::text AS t",
      );
      expect(half.rows[0]?.t).toBeNull();
      const recorded = await db.query('SELECT id FROM failing_migrations');
      expect(recorded.rows).toEqual([{ id: '0001-ok' }]);
    });

    it('refuses migrations out of order', async () => {
      const error = await migrate(db, [
        { id: '0002', sql: 'SELECT 1' },
        { id: '0001', sql: 'SELECT 1' },
      ]).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'USAGE' });
    });

    it(
      'gives a connection string that separate pg clients can use (PostgreSQL only)',
      async () => {
        if (db.kind === 'pglite') {
          // The embedded database opens no network socket (other processes go through its owner).
          await expect(db.connectionString()).rejects.toMatchObject({ code: 'USAGE' });
          return;
        }
        const url = await db.connectionString();
        expect(url).toMatch(/^postgres(ql)?:\/\//);
        expect(await db.connectionString()).toBe(url);
        await db.query('CREATE TABLE shared_rows (id int, who text)');
        const first = new pg.Client({ connectionString: url });
        const second = new pg.Client({ connectionString: url });
        await first.connect();
        await second.connect();
        try {
          await first.query('INSERT INTO shared_rows VALUES ($1, $2)', [1, 'first']);
          await second.query('INSERT INTO shared_rows VALUES ($1, $2)', [2, 'second']);
          const seen = await second.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM shared_rows',
          );
          expect(seen.rows[0]?.n).toBe(2);
        } finally {
          await first.end();
          await second.end();
        }
        const { rows } = await db.query('SELECT who FROM shared_rows ORDER BY id');
        expect(rows).toEqual([{ who: 'first' }, { who: 'second' }]);
      },
      slow,
    );
  });
}
