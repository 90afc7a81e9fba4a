"""`python -m genreport`: launch.main() runs the command; a Ctrl-C while Python still compiles and
imports launch itself (a fresh checkout has no bytecode yet) exits 130 as everywhere else."""

import sys

try:
    from genreport.launch import main
except KeyboardInterrupt:
    sys.stderr.write(
        "\ninterrupted; nothing half-written was left behind / 已中断，未留下不完整的文件\n"
    )  # errors.INTERRUPTED
    raise SystemExit(130) from None

main()
