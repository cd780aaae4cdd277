/** English texts of `@toolbelt/etl`, grouped by kind. */
export const en = {
  errors: {
    stopped: 'ETL stopped: {{where}} failed at record {{position}}: {{message}}',
    http: {
      noItems: 'The page has no list of records (items, data or results).',
      status: 'GET {{url}} answered {{status}}',
      notJson: 'GET {{url}} did not return JSON',
      retriesExhausted: '{{message}} (after retries)',
    },
  },
};
