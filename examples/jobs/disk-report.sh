#!/bin/sh
# An executable job: parameters arrive as JOB_PARAM_<NAME> environment variables.
set -eu
echo "Disk usage of ${JOB_PARAM_PATH:-.}"
du -sh "${JOB_PARAM_PATH:-.}"
