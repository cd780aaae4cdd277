import type { Catalog } from '@toolbelt/i18n';

/** Russian messages of support-rota: the same keys as `en.ts`. */
export const ru = {
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
  },
  errors: {
    invalidSettings: 'Настройки графика неверны:',
    configInvalid: 'Файл настроек {{path}} — не корректный YAML или JSON: {{reason}}',
    holidaysMalformed: {
      notJson: 'Файл праздников {{path}} повреждён: это не JSON',
      notList: 'Файл праздников {{path}} повреждён: ожидался список дат',
      notDate: 'Файл праздников {{path}} повреждён: {{value}} — не дата ГГГГ-ММ-ДД',
      notIcs: 'Файл праздников {{path}} повреждён: это не файл iCalendar',
    },
    calendarChanged:
      'Календарь {{location}} изменил кто-то другой, пока этот запуск планировал график «{{rota}}»; ничего не записано. Запустите снова.',
  },
  prompts: {
    replaceAll:
      'Удалить {{delete}} событий (любых владельцев) начиная с {{start}} в {{location}} и записать {{write}} событий графика?',
  },
  ui: {
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
    progress: 'календарь',
  },
  log: {
    planned: 'Запланировано дней: {{days}}, зерно {{seed}}.',
    retry: '{{method}}: {{status}} {{reason}}, повтор {{attempt}} через {{delayMs}} мс.',
    partial: 'Не удалось записать изменений календаря: {{failed}}; остальные записаны.',
  },
} satisfies Catalog;
