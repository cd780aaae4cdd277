/** English texts of the `lock` namespace: errors and the waiting log line. */
export const en = {
  errors: {
    held: '{{target}} is locked by {{command}} (pid {{pid}} on {{hostname}}, since {{startedAt}}); lock file {{file}}.',
    timeout:
      '{{target}} is still locked by {{command}} (pid {{pid}} on {{hostname}}, since {{startedAt}}) after waiting {{seconds}} s; lock file {{file}}.',
    heldHint: 'Try again when that run has finished, or leave out --no-wait to wait for it.',
    timeoutHint: 'Try again when that run has finished.',
    io: {
      write: 'cannot write {{path}}: $t(lock:errors.io.reasons.{{reasonKey}})',
      read: 'cannot read {{path}}: $t(lock:errors.io.reasons.{{reasonKey}})',
      create: 'cannot create {{path}}: $t(lock:errors.io.reasons.{{reasonKey}})',
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
  log: {
    waiting:
      'Waiting for {{command}} (pid {{pid}} on {{hostname}}, since {{startedAt}}) to finish with {{target}}...',
  },
};
