import { describe, expect, it } from 'vitest';
import { DEFAULT_MOT_COLUMNS } from './layout.js';
import { columnLetters } from '@toolbelt/google';
import { checkColumnSpec, needsHeaders, resolveMotColumns } from './mot-columns.js';

describe('MOT column map', () => {
  it('defaults to the original columns', () => {
    const resolved = resolveMotColumns({}, []);
    expect(resolved).toEqual({ ok: true, columns: DEFAULT_MOT_COLUMNS });
  });

  it('accepts an index, a letter, a header name and the explicit forms', () => {
    const headers = [
      ['', 'Section'],
      ['Recruiter', 'Hire Type', 'Candidate ID', 'Begins On'],
    ];
    const resolved = resolveMotColumns(
      {
        job_candidate_id: 'candidate id',
        'Start Date': { header: 'Begins On' },
        Title: 'N',
        SpEd: 20,
        'First Name': { letter: 'e' },
        'Last Name': { index: 6 },
      },
      headers,
    );
    expect(resolved.ok && resolved.columns).toMatchObject({
      job_candidate_id: 2,
      'Start Date': 3,
      Title: 13,
      SpEd: 20,
      'First Name': 4,
      'Last Name': 6,
    });
  });

  it('reports unknown fields, bad references and missing headers as data', () => {
    expect(checkColumnSpec({ Salary: 3, Title: -1 })).toEqual([
      { kind: 'unknownField', field: 'Salary' },
      { kind: 'invalidRef', field: 'Title', ref: '-1' },
    ]);
    expect(resolveMotColumns({ Title: 'Job Title' }, [['Title']])).toEqual({
      ok: false,
      problems: [{ kind: 'headerNotFound', field: 'Title', header: 'Job Title' }],
    });
  });

  it('knows when the id column needs the header rows', () => {
    expect(needsHeaders({}, 'job_candidate_id')).toBe(false);
    expect(needsHeaders({ job_candidate_id: 'D' }, 'job_candidate_id')).toBe(false);
    expect(needsHeaders({ job_candidate_id: 'Candidate' }, 'job_candidate_id')).toBe(true);
  });
});

describe('MOT column map bounds (issue 12, item 5)', () => {
  const headers = [['Name', 'Title', 'Start', 'Title ']];
  it('a column right of the sheet is a problem naming the field, as an index or a letter', () => {
    expect(resolveMotColumns({ Title: 99999999 }, headers, 4)).toEqual({
      ok: false,
      problems: [
        { kind: 'outOfRange', field: 'Title', column: columnLetters(99999999), last: 'D' },
      ],
    });
    expect(resolveMotColumns({ Title: 'ZZZ' }, headers, 4)).toEqual({
      ok: false,
      problems: [{ kind: 'outOfRange', field: 'Title', column: 'ZZZ', last: 'D' }],
    });
    expect(resolveMotColumns({ Title: 'D' }, headers, 4).ok).toBe(true);
  });

  it('a header found in two columns is ambiguous', () => {
    expect(resolveMotColumns({ Title: 'title' }, headers)).toEqual({
      ok: false,
      problems: [{ kind: 'ambiguousHeader', field: 'Title', header: 'title', columns: ['B', 'D'] }],
    });
    expect(resolveMotColumns({ Title: 'Start' }, headers).ok).toBe(true);
  });
});
