/**
 * Messages of the `lock` i18n namespace (en + ru). Errors thrown by this package carry
 * `key: 'lock:<name>'` and `params`; apps register `lockCatalog` under the namespace `lock`.
 */
export const lockCatalog = {
  en: {
    held: '{{target}} is locked by {{command}} (pid {{pid}} on {{hostname}}, since {{startedAt}}); lock file {{file}}.',
    timeout:
      '{{target}} is still locked by {{command}} (pid {{pid}} on {{hostname}}, since {{startedAt}}) after waiting {{seconds}} s; lock file {{file}}.',
    waiting:
      'Waiting for {{command}} (pid {{pid}} on {{hostname}}, since {{startedAt}}) to finish with {{target}}...',
    io: {
      write: 'cannot write {{path}}: $t(lock:io.reasons.{{reasonKey}})',
      read: 'cannot read {{path}}: $t(lock:io.reasons.{{reasonKey}})',
      create: 'cannot create {{path}}: $t(lock:io.reasons.{{reasonKey}})',
      reasons: {
        EROFS: 'read-only file system',
        ENOSPC: 'no space left on device',
        EDQUOT: 'disk quota exceeded',
        EACCES: 'permission denied',
        EPERM: 'operation not permitted',
        ENOTDIR: 'a part of the path is not a folder',
        EISDIR: 'it is a folder',
        ENOENT: 'the folder does not exist',
        EEXIST: 'a file of that name is in the way',
        EIO: 'input/output error',
        EMFILE: 'too many open files',
        ENFILE: 'too many open files',
        ENAMETOOLONG: 'the file name is too long',
        EFBIG: 'the file is too large',
        ELOOP: 'too many symbolic links in the path',
      },
    },
  },
  ru: {
    held: '{{target}} заблокирован процессом {{command}} (pid {{pid}} на {{hostname}}, с {{startedAt}}); файл блокировки {{file}}.',
    timeout:
      '{{target}} всё ещё заблокирован процессом {{command}} (pid {{pid}} на {{hostname}}, с {{startedAt}}) после ожидания {{seconds}} с; файл блокировки {{file}}.',
    waiting:
      'Ожидание, пока {{command}} (pid {{pid}} на {{hostname}}, с {{startedAt}}) закончит работу с {{target}}...',
    io: {
      write: 'не удалось записать {{path}}: $t(lock:io.reasons.{{reasonKey}})',
      read: 'не удалось прочитать {{path}}: $t(lock:io.reasons.{{reasonKey}})',
      create: 'не удалось создать {{path}}: $t(lock:io.reasons.{{reasonKey}})',
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
};
