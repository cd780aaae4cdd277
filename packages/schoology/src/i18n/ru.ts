import type { Catalog } from '@toolbelt/i18n';

export const ru = {
  errors: {
    settingsMissing: 'Не заданы настройки: {{names}}',
    answered: '{{method}} {{url}}: ответ {{status}}',
  },
  problems: {
    notSet: '{{name}} не задана',
  },
  log: {
    wouldSet:
      'пользователю {{id}} было бы назначено: здание {{building}}, дополнительные [{{additional}}]',
    chunkUpdated: 'пакет {{chunk}}: обновлено родителей: {{written}} из {{size}}',
  },
} satisfies Catalog;
