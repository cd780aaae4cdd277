import type { Catalog } from '@toolbelt/i18n';

/** Russian texts of `@toolbelt/etl`. */
export const ru = {
  errors: {
    stopped: 'ETL остановлен: этап {{where}} не обработал запись {{position}}: {{message}}',
    http: {
      noItems: 'На странице нет списка записей (items, data или results).',
      status: 'GET {{url}} вернул {{status}}',
      notJson: 'GET {{url}} вернул не JSON',
      retriesExhausted: '{{message}} (после повторных попыток)',
    },
  },
} satisfies Catalog;
