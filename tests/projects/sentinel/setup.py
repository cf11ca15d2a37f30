# If anything imports or runs this file, it leaves a file behind: sciship must never do that.
import pathlib

pathlib.Path(__file__).with_name("SETUP_PY_WAS_RUN").write_text("setup.py was executed\n")
