import type { Bilingual, Catalog } from '@toolbelt/i18n';

const en: Catalog = {
  problems: {
    invalidGroup: '{{name}} is an invalid group name.',
    duplicate: 'Remove the duplicate value "{{name}}" from {{groups}}.',
    emptyGroup: 'Group {{group}} needs at least one member.',
    blankName: 'Group {{group}} has an empty name.',
    groupCount: 'support_team needs exactly two named groups (found {{count}}).',
    noTeam:
      'support_team is missing: pass --config with a rota file (see examples/support-rota/rota.yaml).',
    badDate: '{{setting}}: "{{value}}" is not a date (YYYY-MM-DD).',
    badCycles:
      '{{setting}}: the number of cycles must be a whole number of at least 1 (got "{{value}}").',
    startOutOfRange:
      '{{setting}}: {{value}} is outside {{min}} to {{max}}, the range a rota may start in.',
    tooManyCycles: '{{setting}}: {{value}} cycles is more than the limit of {{max}}.',
    tooManyDays:
      '{{setting}}: {{value}} cycles of {{people}} people make {{days}} working days, more than the limit of {{max}}.',
    badSeed: 'The seed must be a whole number of 0 or more (got {{value}}).',
    unknownCalendar: 'Unknown calendar "{{name}}": use one of {{known}} or a calendar id.',
    schema: '{{path}}: {{message}}',
  },
  errors: {
    invalidSettings: '{{problems}}',
    configUnreadable: 'Cannot read the config file {{path}}.',
    configInvalid: 'The config file {{path}} is not valid YAML or JSON: {{reason}}',
    holidaysMalformed: 'The holidays file {{path}} is malformed: {{reason}}',
    partial: '{{failed}} calendar changes failed; the others were written.',
    calendarChanged:
      'The calendar {{location}} was changed by someone else while this run planned the rota "{{rota}}"; nothing was written. Run it again.',
  },
  confirm: {
    replaceAll:
      'Delete {{delete}} events (any owner) from {{start}} on in {{location}} and write {{write}} rota events?',
  },
  out: {
    header:
      'Rota "{{rota}}": {{start}} to {{end}}, {{cycles}} cycles, {{days}} days (seed {{seed}}).',
    summary:
      '{{location}}: {{insert}} inserted, {{update}} updated, {{delete}} deleted, {{unchanged}} unchanged.',
    summaryDry:
      '{{location}} (dry run, nothing written): {{insert}} to insert, {{update}} to update, {{delete}} to delete, {{unchanged}} unchanged.',
    notConfirmed: 'Not confirmed: nothing was written.',
    reports: 'Reports: {{paths}}',
    diffColumns: { change: 'Change', date: 'Date', summary: 'Event' },
    kinds: { insert: 'insert', update: 'update', delete: 'delete' },
    fairnessColumns: {
      person: 'Person',
      group: 'Group',
      leads: 'Leads',
      assists: 'Assists',
      total: 'Total',
    },
    spread: 'Spread in {{group}}: leads {{leads}}, assists {{assists}}.',
    failed: 'Failed: {{kind}} {{id}}: {{message}}',
  },
  progress: { events: 'calendar' },
  log: {
    planned: 'Planned {{days}} days with seed {{seed}}.',
    retry: '{{method}}: {{status}} {{reason}}, retry {{attempt}} in {{delayMs}} ms.',
  },
};

const ru: Catalog = {
  problems: {
    invalidGroup: '{{name}} — недопустимое имя группы.',
    duplicate: 'Удалите повторяющееся значение «{{name}}» из {{groups}}.',
    emptyGroup: 'В группе {{group}} должен быть хотя бы один человек.',
    blankName: 'В группе {{group}} есть пустое имя.',
    groupCount: 'В support_team должно быть ровно две именованные группы (найдено: {{count}}).',
    noTeam:
      'Нет support_team: передайте --config с файлом графика (см. examples/support-rota/rota.yaml).',
    badDate: '{{setting}}: «{{value}}» — не дата (ГГГГ-ММ-ДД).',
    badCycles: '{{setting}}: число циклов должно быть целым и не меньше 1 (получено «{{value}}»).',
    startOutOfRange:
      '{{setting}}: {{value}} вне допустимого диапазона начала ротации: с {{min}} по {{max}}.',
    tooManyCycles: '{{setting}}: {{value}} циклов — больше предела {{max}}.',
    tooManyDays:
      '{{setting}}: {{value}} циклов по {{people}} человек дают {{days}} рабочих дней — больше предела {{max}}.',
    badSeed: 'Зерно должно быть целым числом от 0 (получено {{value}}).',
    unknownCalendar:
      'Неизвестный календарь «{{name}}»: укажите один из {{known}} или id календаря.',
    schema: '{{path}}: {{message}}',
  },
  errors: {
    invalidSettings: '{{problems}}',
    configUnreadable: 'Не удаётся прочитать файл настроек {{path}}.',
    configInvalid: 'Файл настроек {{path}} — не корректный YAML или JSON: {{reason}}',
    holidaysMalformed: 'Файл праздников {{path}} повреждён: {{reason}}',
    partial: 'Не удалось записать изменений календаря: {{failed}}; остальные записаны.',
    calendarChanged:
      'Календарь {{location}} изменил кто-то другой, пока этот запуск планировал график «{{rota}}»; ничего не записано. Запустите снова.',
  },
  confirm: {
    replaceAll:
      'Удалить {{delete}} событий (любых владельцев) начиная с {{start}} в {{location}} и записать {{write}} событий графика?',
  },
  out: {
    header:
      'График «{{rota}}»: с {{start}} по {{end}}, циклов: {{cycles}}, дней: {{days}} (зерно {{seed}}).',
    summary:
      '{{location}}: добавлено {{insert}}, изменено {{update}}, удалено {{delete}}, без изменений {{unchanged}}.',
    summaryDry:
      '{{location}} (пробный запуск, ничего не записано): добавить {{insert}}, изменить {{update}}, удалить {{delete}}, без изменений {{unchanged}}.',
    notConfirmed: 'Не подтверждено: ничего не записано.',
    reports: 'Отчёты: {{paths}}',
    diffColumns: { change: 'Изменение', date: 'Дата', summary: 'Событие' },
    kinds: { insert: 'добавить', update: 'изменить', delete: 'удалить' },
    fairnessColumns: {
      person: 'Сотрудник',
      group: 'Группа',
      leads: 'Ведущий',
      assists: 'Помощник',
      total: 'Всего',
    },
    spread: 'Разброс в {{group}}: ведущий {{leads}}, помощник {{assists}}.',
    failed: 'Ошибка: {{kind}} {{id}}: {{message}}',
  },
  progress: { events: 'календарь' },
  log: {
    planned: 'Запланировано дней: {{days}}, зерно {{seed}}.',
    retry: '{{method}}: {{status}} {{reason}}, повтор {{attempt}} через {{delayMs}} мс.',
  },
};

/** The app's messages (namespace `support-rota`), English and Russian. */
export const catalogs: Record<string, Bilingual> = { 'support-rota': { en, ru } };
