import type { HelpCatalog } from '@toolbelt/cli-kit';

/** English help texts by command id (the command classes read them). */
export const helpEn = {
  generate: {
    summary: 'Plan the support rota and write it to the calendar.',
    description:
      'Pairs a lead from one group with an assist from the other for every working day, fairly and reproducibly, and writes the rota to a Google calendar or an .ics file. Only events this rota wrote are inserted, updated or deleted; a second identical run writes nothing.',
    flags: {
      config: 'Rota config file, YAML or JSON (default ./rota.yaml, ./rota.yml or ./rota.json).',
      start: 'First day of the rota, YYYY-MM-DD (date_range.start_date).',
      cycles: 'Number of cycles; one cycle = one working day per person (date_range.n_cycles).',
      'start-with': 'Group that leads first in each cycle (support_team.start_cycle_with).',
      calendar: 'Google calendar: a name from calendar.calendar_ids or a calendar id.',
      ics: 'Write the rota to this .ics file (the default when no Google calendar is set; an extra export otherwise).',
      seed: 'Seed of the shuffles, to reproduce a rota (default: derived from the settings).',
      holidays:
        'Days off besides weekends: an .ics file, a JSON list of dates, or "england-and-wales".',
      'report-dir': 'Write config-report.json and days-worked.json into this folder.',
      'dry-run': 'Print the calendar changes (insert/update/delete per day) without writing.',
      'no-wait':
        'When another run is writing the same .ics file, fail (exit 75) instead of waiting for it.',
      'replace-all':
        "The original's behaviour: delete every event from the start date on (any owner), then write the rota.",
      yes: 'Do not ask for confirmation (needed for --replace-all without a terminal).',
    },
  },
} as const satisfies HelpCatalog;

/** Examples in the help, by command id (the same in every language). */
export const examplesEn = {
  generate: [
    '<%= config.bin %> <%= command.id %> --config examples/support-rota/rota.yaml --ics rota.ics',
    '<%= config.bin %> <%= command.id %> --config rota.yaml --calendar prod --holidays england-and-wales --dry-run',
    '<%= config.bin %> <%= command.id %> --config rota.yaml --start 2025-01-06 --cycles 8 --seed 42 --report-dir docs',
    '<%= config.bin %> <%= command.id %> --config rota.yaml --calendar dev-1 --replace-all --yes',
  ],
} as const;

/** Russian help texts by command id. */
export const helpRu: HelpCatalog = {
  generate: {
    summary: 'Составить график дежурств и записать его в календарь.',
    description:
      'Для каждого рабочего дня честно и воспроизводимо подбирает ведущего из одной группы и помощника из другой и записывает график в Google Календарь или файл .ics. Добавляются, изменяются и удаляются только события этого графика; повторный запуск с теми же настройками ничего не записывает.',
    flags: {
      config:
        'Файл настроек графика, YAML или JSON (по умолчанию ./rota.yaml, ./rota.yml или ./rota.json).',
      start: 'Первый день графика, ГГГГ-ММ-ДД (date_range.start_date).',
      cycles: 'Число циклов; цикл — по одному рабочему дню на человека (date_range.n_cycles).',
      'start-with': 'Группа, которая ведёт первой в каждом цикле (support_team.start_cycle_with).',
      calendar: 'Google Календарь: имя из calendar.calendar_ids или id календаря.',
      ics: 'Записать график в этот файл .ics (по умолчанию, если Google Календарь не задан; иначе — дополнительная выгрузка).',
      seed: 'Зерно перемешивания, чтобы воспроизвести график (по умолчанию выводится из настроек).',
      holidays:
        'Выходные кроме суббот и воскресений: файл .ics, JSON-список дат или "england-and-wales".',
      'report-dir': 'Записать config-report.json и days-worked.json в эту папку.',
      'dry-run':
        'Показать изменения календаря (добавить/изменить/удалить по дням), ничего не записывая.',
      'no-wait':
        'Если другой запуск пишет в тот же файл .ics, завершиться с ошибкой (код 75), а не ждать его.',
      'replace-all':
        'Поведение оригинала: удалить все события начиная с даты начала (любых владельцев), затем записать график.',
      yes: 'Не спрашивать подтверждения (нужно для --replace-all без терминала).',
    },
  },
};
