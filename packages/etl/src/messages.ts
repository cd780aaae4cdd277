/**
 * User-facing texts for the keys carried by this package's errors (namespace `etl`), for
 * apps to register with `createI18n({ namespaces: { etl: etlMessages } })`.
 */
export const etlMessages = {
  en: {
    stopped: 'ETL stopped: {{stage}} failed at record {{position}}: {{message}}',
    http: {
      noItems: 'The page has no list of records (items, data or results).',
      status: 'GET {{url}} answered {{status}}',
      notJson: 'GET {{url}} did not return JSON',
      retriesExhausted: '{{message}} (after retries)',
    },
  },
  ru: {
    stopped: 'ETL остановлен: этап {{stage}} не обработал запись {{position}}: {{message}}',
    http: {
      noItems: 'На странице нет списка записей (items, data или results).',
      status: 'GET {{url}} вернул {{status}}',
      notJson: 'GET {{url}} вернул не JSON',
      retriesExhausted: '{{message}} (после повторных попыток)',
    },
  },
};
