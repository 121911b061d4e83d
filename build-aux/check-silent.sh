#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a validator and fails unless it exits with 0 and prints nothing but
# its own success line: desktop-file-validate prints hints and
# appstreamcli prints notes and pedantic hints, both with exit status 0.
#
#   build-aux/check-silent.sh [--allow TAG]... COMMAND [ARG...]
#
# --allow TAG accepts one appstreamcli hint by its tag (the `P: ID:LINE: TAG`
# line and its indented explanation), for hints that are a deliberate choice;
# --allow TAG=VALUE only where the hint names VALUE (`unknown-tag developer`).
set -u

allowed=
while [ "$#" -gt 0 ] && [ "$1" = --allow ]; do
  allowed="$allowed $2"
  shift 2
done

out=$(LC_ALL=C.UTF-8 LANGUAGE= "$@" 2>&1)
status=$?
rest=$(printf '%s\n' "$out" | awk -v allowed="$allowed" '
  BEGIN { n = split(allowed, tags, " ") }
  /^[EWIP]: / {
    skip = 0
    for (i = 1; i <= n; i++)
      if ($3 == tags[i] || $3 "=" $4 == tags[i]) skip = 1
    if (skip) next
  }
  skip && /^   / { next }
  { skip = 0 }
  /^$/ { next }
  /^✔ Validation was successful(: [a-z]+: [0-9]+(, [a-z]+: [0-9]+)*)?\.?$/ { next }
  { print }
')

printf '%s\n' "$out"
if [ "$status" -ne 0 ]; then
  echo "check-silent: $1 exited with $status" >&2
  exit 1
fi
if [ -n "$rest" ]; then
  echo "check-silent: $1 printed more than its success line:" >&2
  printf '%s\n' "$rest" >&2
  exit 1
fi
exit 0
