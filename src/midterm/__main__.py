try:  # the guard starts at the first line of midterm's that runs (launch.py says why)
    from .launch import run
except KeyboardInterrupt:
    raise SystemExit(130) from None

run()
