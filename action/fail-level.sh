#!/usr/bin/env bash
# Fails the job when schemalint could not run, or found something at the chosen level or worse.
set -euo pipefail
case "${EXIT_CODE:-2}" in
  0|1) ;;
  *) echo "::error::schemalint could not run (exit ${EXIT_CODE:-missing}); see the Check step"; exit 1 ;;
esac
errors=${ERRORS:-0}
warnings=${WARNINGS:-0}
case "${FAIL_LEVEL:-error}" in
  none) exit 0 ;;
  warning) [ $((errors + warnings)) -eq 0 ] || { echo "schemalint: $errors errors, $warnings warnings (fail-level: warning)"; exit 1; } ;;
  error) [ "$errors" -eq 0 ] || { echo "schemalint: $errors errors (fail-level: error)"; exit 1; } ;;
  *) echo "::error::fail-level must be error, warning or none, not ${FAIL_LEVEL}"; exit 1 ;;
esac
