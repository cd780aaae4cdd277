import type { Catalog } from '@toolbelt/i18n';

/** Russian texts of the `lock` namespace. */
export const ru = {
  errors: {
    held: '{{target}} заблокирован процессом {{command}} (pid {{pid}} на {{hostname}}, с {{startedAt}}); файл блокировки {{file}}.',
    timeout:
      '{{target}} всё ещё заблокирован процессом {{command}} (pid {{pid}} на {{hostname}}, с {{startedAt}}) после ожидания {{seconds}} с; файл блокировки {{file}}.',
    heldHint: 'Повторите, когда тот запуск закончится, или уберите --no-wait, чтобы дождаться его.',
    timeoutHint: 'Повторите, когда тот запуск закончится.',
    io: {
      write: 'не удалось записать {{path}}: $t(lock:errors.io.reasons.{{reasonKey}})',
      read: 'не удалось прочитать {{path}}: $t(lock:errors.io.reasons.{{reasonKey}})',
      create: 'не удалось создать {{path}}: $t(lock:errors.io.reasons.{{reasonKey}})',
      reasons: {
        EROFS: 'файловая система только для чтения',
        ENOSPC: 'на устройстве нет места',
        EDQUOT: 'превышена дисковая квота',
        EACCES: 'нет прав доступа',
        EPERM: 'операция не разрешена',
        ENOTDIR: 'часть пути не является папкой',
        EISDIR: 'это папка',
        ENOENT: 'папка не существует',
        EEXIST: 'мешает файл с таким именем',
        EIO: 'ошибка ввода-вывода',
        EMFILE: 'слишком много открытых файлов',
        ENFILE: 'слишком много открытых файлов',
        ENAMETOOLONG: 'слишком длинное имя файла',
        EFBIG: 'файл слишком велик',
        ELOOP: 'слишком много символических ссылок в пути',
      },
    },
  },
  log: {
    waiting:
      'Ожидание, пока {{command}} (pid {{pid}} на {{hostname}}, с {{startedAt}}) закончит работу с {{target}}...',
  },
} satisfies Catalog;
