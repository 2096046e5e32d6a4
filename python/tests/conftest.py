import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
ROOT = Path(__file__).resolve().parents[2]


def dyad_binary() -> str | None:
    """The `dyad` command line to compare with: $DYAD_BIN, else the workspace's debug
    or release build, else one on PATH."""
    if os.environ.get("DYAD_BIN"):
        return os.environ["DYAD_BIN"]
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    for profile in ("debug", "release"):
        p = target / profile / "dyad"
        if p.exists():
            return str(p)
    return shutil.which("dyad")


@pytest.fixture(scope="session")
def cli():
    """Run the dyad command line; returns (stdout lines, stderr lines)."""
    binary = dyad_binary()
    if binary is None:
        pytest.skip("no dyad binary (cargo build -p dyad, or set DYAD_BIN)")

    def run(*args: str, codes=(0, 1)):
        p = subprocess.run([binary, *args], capture_output=True, text=True, timeout=300)
        assert p.returncode in codes, p.stderr
        return p.stdout.splitlines(), p.stderr.splitlines()

    return run
