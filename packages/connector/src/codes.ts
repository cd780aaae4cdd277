/** Log row type codes (`type_cd` of a log row), as in the original template. */
export const logTypes = { info: 1, error: 2 } as const;
export type LogType = (typeof logTypes)[keyof typeof logTypes];

/** Job-history status codes. */
export const historyStatuses = { running: 1, finished: 2, failed: 3 } as const;
export type HistoryStatus = (typeof historyStatuses)[keyof typeof historyStatuses];

/** Names of the history statuses, for output. */
export const historyStatusNames: Record<HistoryStatus, 'Running' | 'Finished' | 'Failed'> = {
  1: 'Running',
  2: 'Finished',
  3: 'Failed',
};

/** `UpdateMethodCD` of a job: 1 Append, 2 Replace. */
export const updateMethods = { append: 1, replace: 2 } as const;
export type UpdateMethod = (typeof updateMethods)[keyof typeof updateMethods];

/** Selection categories of a job's start/end filter. */
export const selections = ['Today', 'Yesterday', 'Custom'] as const;
export type Selection = (typeof selections)[number];

/** The two kinds of connector. */
export const connectorKinds = ['source', 'destination'] as const;
export type ConnectorKind = (typeof connectorKinds)[number];
