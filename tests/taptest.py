# SPDX-License-Identifier: GPL-3.0-or-later
"""Test functions as TAP, for the scripts that drive the built program.

A script registers each test with `@taptest.test`, fails it with
`taptest.check()` (or any exception), skips it by raising `taptest.Skip`,
and ends with `sys.exit(taptest.main())`: one numbered TAP line a test, the
failure's message as diagnostics. (installtest.Tap numbers single checks
instead, for the install tests.)
"""
import subprocess
import sys

tests = []


class Skip(Exception):
    """Raised by a test that cannot run here; its message says why."""


def test(function):
    tests.append(function)
    return function


def check(condition, message, result=None):
    """Fails the test with @message unless @condition holds; @result (a
    finished process, or anything that prints) goes with the message."""
    if condition:
        return
    details = message
    if isinstance(result, subprocess.CompletedProcess):
        details += (f'\n  exit status {result.returncode}'
                    f'\n  stdout: {result.stdout!r}'
                    f'\n  stderr: {result.stderr!r}')
    elif result is not None:
        details += f'\n  {result}'
    raise AssertionError(details)


def main():
    """Runs every registered test; returns the exit status."""
    print('TAP version 13')
    print(f'1..{len(tests)}')
    failed = 0
    for number, function in enumerate(tests, 1):
        name = function.__name__.replace('_', '-')
        try:
            function()
        except Skip as skip:
            print(f'ok {number} - {name} # SKIP {skip}')
        except Exception as error:  # noqa: BLE001 - every failure is a TAP "not ok"
            failed += 1
            print(f'not ok {number} - {name}')
            for line in str(error).splitlines():
                print(f'# {line}')
        else:
            print(f'ok {number} - {name}')
        sys.stdout.flush()
    return 1 if failed else 0
