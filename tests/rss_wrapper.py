"""Run a command and write its own peak memory (KiB) and CPU seconds to a file.

A child forked straight from a large test process inherits that process's
peak RSS in Linux's accounting; a grandchild forked from this small wrapper
starts from zero, so its figure is its own. Its CPU time (user + system, with the
children it waited for) is the work the input cost, whatever else the machine runs.
"""

import os
import subprocess
import sys

rss_file, *command = sys.argv[1:]
child = subprocess.Popen(command)
_pid, status, usage = os.wait4(child.pid, 0)
with open(rss_file, "w", encoding="ascii") as handle:
    handle.write(f"{usage.ru_maxrss} {usage.ru_utime + usage.ru_stime}")
sys.exit(os.waitstatus_to_exitcode(status))
