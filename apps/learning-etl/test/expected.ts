import { generateDay, type GenerateDayOptions } from '@toolbelt/testkit/learning-api';
import { checkRecord } from '../src/core/activity.js';

/** What a load of a generated day must give, computed independently of the database. */
export function expectedDay(options: GenerateDayOptions & { end?: string }) {
  let read = 0;
  let accepted = 0;
  const users = new Set<string>();
  let runs = 0;
  let submits = 0;
  let successes = 0;
  for (const record of generateDay(options)) {
    if (options.end && (record.created_at ?? '') > options.end) continue;
    read++;
    const check = checkRecord(record);
    if (!check.accepted) continue;
    accepted++;
    const [userId, , , , , isCorrect, attemptType] = check.row;
    users.add(userId);
    if (attemptType === 'run') runs++;
    if (attemptType === 'submit') {
      submits++;
      if (isCorrect === true) successes++;
    }
  }
  return {
    read,
    accepted,
    corrupt: read - accepted,
    counts: { users: users.size, runs, submits, successes },
  };
}
