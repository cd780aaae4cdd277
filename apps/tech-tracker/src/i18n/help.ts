import type { HelpCatalog } from '@toolbelt/cli-kit';

/** English help texts by command id (the command classes read them). */
export const helpEn = {
  sync: {
    summary: "Copy HR's on-boarding tracker (MOT) into the Tech tracker, stamping what changed.",
    description:
      'Reads the MOT tab Master_{year} (struck-through ids are rescinded offers), the Tech tracker tabs "{year} Cleared" and "{year} Tracker", updates and appends rows, stamps key-field changes, sorts newest first and writes one batch after backing the tab up to --backup-dir. Spreadsheets are Google ids/URLs or .xlsx paths.',
    flags: {
      'school-year': 'School year, NN-NN (e.g. 23-24). Required.',
      mot: 'MOT spreadsheet: Google id or URL, or an .xlsx path. Default: HR_MOT_SHEETS_ID, else mot.xlsx.',
      tracker:
        'Tech tracker spreadsheet: Google id or URL, or an .xlsx path. Default: TECH_TRACKER_SHEETS_ID, else tech-tracker.xlsx.',
      today: 'Date stamped on changes, YYYY-MM-DD. Default: today in --timezone.',
      timezone: 'Time zone of the stamps and of A2.',
      'mot-columns': 'JSON file mapping MOT fields to a column index, letter or header name.',
      'backup-dir': 'Folder for tracker backups (the last 10 are kept).',
      'dry-run': 'Print the changes as a table (or JSON with --json) and write nothing.',
      'no-wait':
        'When another run is writing the same .xlsx tracker or backup folder, fail (exit 75) instead of waiting for it.',
    },
  },
} as const satisfies HelpCatalog;

/** Russian help texts by command id. */
export const helpRu: HelpCatalog = {
  sync: {
    summary:
      'Перенести трекер приёма на работу от HR (MOT) в трекер Tech-команды, отмечая даты изменений.',
    description:
      'Читает лист MOT Master_{год} (зачёркнутые id — отозванные предложения), листы трекера «{год} Cleared» и «{год} Tracker», обновляет и добавляет строки, ставит даты изменений ключевых полей, сортирует по свежести и записывает одним пакетом, предварительно сохранив копию листа в --backup-dir. Таблицы — идентификаторы или ссылки Google либо пути к .xlsx.',
    flags: {
      'school-year': 'Учебный год в формате NN-NN (например, 23-24). Обязателен.',
      mot: 'Таблица MOT: идентификатор или ссылка Google либо путь к .xlsx. По умолчанию HR_MOT_SHEETS_ID, иначе mot.xlsx.',
      tracker:
        'Трекер Tech-команды: идентификатор или ссылка Google либо путь к .xlsx. По умолчанию TECH_TRACKER_SHEETS_ID, иначе tech-tracker.xlsx.',
      today: 'Дата для отметок изменений, YYYY-MM-DD. По умолчанию — сегодня в --timezone.',
      timezone: 'Часовой пояс отметок и ячейки A2.',
      'mot-columns': 'JSON-файл: поля MOT -> номер, буква или заголовок столбца.',
      'backup-dir': 'Папка резервных копий трекера (хранятся последние 10).',
      'dry-run': 'Показать изменения таблицей (или JSON с --json) и ничего не записывать.',
      'no-wait':
        'Если другой запуск пишет в тот же трекер .xlsx или папку копий, завершиться с ошибкой (код 75), а не ждать его.',
    },
  },
};
