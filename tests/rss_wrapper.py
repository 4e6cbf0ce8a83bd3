"""Run a command and write its own peak memory (KiB) and CPU seconds to a file.

A child forked straight from a large test process inherits that process's
peak RSS in Linux's accounting; a grandchild forked from this small wrapper
starts from zero, so its figure is its own. Its CPU time (user + system) is the
work the input cost, whatever else the machine runs. The wrapper is the
subreaper of what the command forks (Linux), so processes the command lets end on
their own (check-po's standby and workers) are reaped here and counted too.
"""

import ctypes
import os
import subprocess
import sys

PR_SET_CHILD_SUBREAPER = 36
if sys.platform == "linux":
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)

rss_file, *command = sys.argv[1:]
child = subprocess.Popen(command)
_pid, status, usage = os.wait4(child.pid, 0)
peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
while True:  # the command's orphans, reparented to this process
    try:
        _orphan, _status, orphan = os.wait4(-1, 0)
    except ChildProcessError:
        break
    peak, cpu = max(peak, orphan.ru_maxrss), cpu + orphan.ru_utime + orphan.ru_stime
with open(rss_file, "w", encoding="ascii") as handle:
    handle.write(f"{peak} {cpu}")
sys.exit(os.waitstatus_to_exitcode(status))
