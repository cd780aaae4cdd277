import { describe, expect, it } from 'vitest';
import { emptyTally, validRows, type RowHooks } from './valid-rows.js';

const good = (n: number) => ({
  lti_user_id: String(n).padStart(32, 'a'),
  created_at: '2023-05-31 10:00:00',
  passback_params:
    "{'oauth_consumer_key': '', 'lis_result_sourcedid': 's', 'lis_outcome_service_url': 'u'}",
  attempt_type: 'run',
  is_correct: null,
});

function recorder() {
  const told: string[] = [];
  const hooks: RowHooks = {
    corrupt: (line, rejection) => told.push(`corrupt ${line} ${rejection.reason}`),
    defects: (line, defects) => told.push(`defects ${line} ${defects.length}`),
    batch: (size) => told.push(`batch ${size}`),
    sourceFailed: () => told.push('failed'),
  };
  return { told, hooks };
}

describe('validRows', () => {
  it('yields the accepted rows of every batch, counting and telling as it goes', async () => {
    async function* batches() {
      yield await Promise.resolve([good(1), { lti_user_id: 'short' }]);
      yield await Promise.resolve([{ ...good(2), attempt_type: 'submit' }]);
    }
    const tally = emptyTally();
    const { told, hooks } = recorder();
    const users: string[] = [];
    for await (const row of validRows(batches(), tally, hooks)) users.push(row[0]);
    expect(users).toEqual([good(1).lti_user_id, good(2).lti_user_id]);
    expect(tally).toEqual({ read: 3, accepted: 2, corrupt: 1, withDefects: 1 });
    expect(told).toEqual(['batch 2', 'corrupt 2 missingUserId', 'batch 1', 'defects 3 1']);
  });

  it('tells the source failure and passes the error on', async () => {
    const cut = new Error('socket hang up');
    async function* batches() {
      yield await Promise.resolve([good(1)]);
      throw cut;
    }
    const { told, hooks } = recorder();
    const read = async () => {
      for await (const row of validRows(batches(), emptyTally(), hooks)) void row;
    };
    await expect(read()).rejects.toBe(cut);
    expect(told).toEqual(['batch 1', 'failed']);
  });
});
