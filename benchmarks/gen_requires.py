"""Write (or check) ``src/sciship/imports/data/requires.json``: what common distributions require.

sciship says "works today through matplotlib" for an undeclared ``import cycler`` when matplotlib is
declared and matplotlib itself requires cycler, and it does not call a declared ``openpyxl`` unused
with certainty when pandas is imported and one of pandas' extras installs it. When the distribution
is installed (in the project's own virtual environment or next to sciship) its metadata answers;
otherwise this table does, for the common distributions listed in ``DISTRIBUTIONS``.

The lines are the real ``Requires-Dist`` metadata of each distribution's newest release, as pip reads
it from the package index (``pip install --dry-run --no-deps --report``: metadata only, nothing is
installed, and no large wheel is downloaded where the index serves the metadata on its own).

Usage::

    python benchmarks/gen_requires.py            # rewrite the table
    python benchmarks/gen_requires.py --check    # compare the table with the index; exit 1 on drift
    python benchmarks/gen_requires.py --add NAME ...  # add (or refresh) a few distributions only
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

TABLE = Path(__file__).resolve().parent.parent / "src" / "sciship" / "imports" / "data" / "requires.json"

#: distributions research code declares most often (and the libraries whose options load others)
# fmt: off
DISTRIBUTIONS = [
    # arrays, data frames, science
    "numpy", "scipy", "pandas", "polars", "xarray", "dask", "distributed", "numba", "numexpr",
    "bottleneck", "sympy", "statsmodels", "scikit-learn", "scikit-image", "networkx", "pyarrow",
    "h5py", "tables", "netcdf4", "h5netcdf", "zarr", "pint", "uncertainties", "lmfit", "emcee",
    "joblib", "tqdm", "pooch", "requests", "fsspec", "s3fs", "openpyxl",
    # plots
    "matplotlib", "seaborn", "plotly", "bokeh", "altair", "plotnine", "holoviews", "corner",
    # geo and earth science
    "geopandas", "shapely", "pyproj", "rasterio", "cartopy", "verde", "harmonica", "pygmt", "rioxarray",
    "metpy", "cftime",
    # astronomy
    "astropy", "healpy", "sunpy", "astroquery", "photutils", "regions",
    # life science and neuroscience
    "biopython", "scanpy", "anndata", "mne", "nibabel", "nilearn", "pysam",
    # machine learning
    "torch", "torchvision", "tensorflow", "keras", "jax", "transformers", "datasets", "xgboost",
    "lightgbm", "umap-learn", "opencv-python", "pillow", "imageio",
    # notebooks and tools
    "jupyter", "notebook", "jupyterlab", "ipykernel", "ipython", "ipywidgets", "nbformat",
    "click", "typer", "rich", "pydantic", "pyyaml", "sqlalchemy", "boto3", "aiohttp", "httpx",
    "beautifulsoup4", "lxml", "pytest", "pytest-cov", "sphinx", "pysindy",
    # libraries research packages often declare, whose own requirements reach many imports
    "packaging", "typing-extensions", "importlib-metadata", "importlib-resources", "platformdirs", "six",
    "attrs", "cattrs", "python-dateutil", "pytz", "tabulate", "docutils", "urllib3", "certifi", "colorama",
    "tomli", "toml", "filetype", "ruamel-yaml", "natsort", "deprecated", "deprecation", "cachetools",
    "more-itertools", "psutil", "cffi", "msgpack", "jsonschema", "jinja2", "markdown", "pygments", "babel",
    "nbconvert", "nbclient", "jupyter-core", "jupyter-client", "jupytext", "ipympl", "kaleido",
    "dash", "flask", "fastapi", "streamlit", "panel", "hvplot", "datashader", "geoviews", "folium",
    "pyogrio", "fiona", "mapclassify", "geopy", "owslib", "contextily", "descartes", "xlrd", "odfpy",
    "narwhals", "modin", "ray", "duckdb", "pandera", "ibis-framework", "pyspark", "awkward", "sparse",
    "pyerfa", "astropy-iers-data", "asdf", "asdf-astropy", "jplephem", "reproject", "gwcs", "parfive",
    "drms", "glymur", "mpl-animators", "contourpy", "unyt", "swiftsimio", "suitesparse-graphblas",
    "donfig", "cvxpy", "pvlib", "arviz", "cmdstanpy", "pymc", "numpyro", "einops", "mpmath", "gmpy2",
    "sortedcontainers", "html5lib", "bleach", "humanize", "validators", "requests-cache", "redis",
    "dendropy", "ete3", "biom-format", "pyfaidx", "bioservices", "meshio", "pyvista", "soundfile",
    # frameworks research training code declares (their own requirements reach its imports: DISK's
    # `omegaconf` comes with `hydra-core`)
    "hydra-core", "omegaconf", "pytorch-lightning", "lightning", "timm", "wandb", "tensorboard", "scvi-tools",
    "pingouin", "statannotations",
    "qtpy", "pyqtgraph", "pyqt5", "graphviz", "pygraphviz", "rdflib", "future", "lazy-loader",
    # declared by the pyOpenSci-reviewed packages of benchmarks/peer_reviewed.py, where a verdict depends
    # on what they require (frameworks a package builds on, and small libraries it declares)
    "andes", "kvxopt", "autofit", "autoarray", "autoconf", "colossus", "goatools", "obonet", "gtfparse",
    "mgefit", "pre-commit", "custom-inherit", "mpyez", "sig-decomp",
]
# fmt: on


def read_index(dists: list[str]) -> dict[str, dict[str, object]]:
    """``{name: {"version", "requires_dist"}}`` for ``dists``, read by pip from the package index."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "pip",
                "install",
                "--dry-run",
                "--ignore-installed",
                "--no-deps",
                "--prefer-binary",  # a wheel's metadata, not a build of a newer source release
                "--quiet",
                "--report",
                str(report),
                *dists,
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout + proc.stderr)
            raise SystemExit(2)
        data = json.loads(report.read_text(encoding="utf-8"))
    out: dict[str, dict[str, object]] = {}
    for item in data.get("install", []):
        meta = item["metadata"]
        name = meta["name"].lower().replace("_", "-").replace(".", "-")
        lines = [_compact(line) for line in meta.get("requires_dist", []) if not _dev_extra(line)]
        out[name] = {"version": meta["version"], "requires_dist": lines}
    return dict(sorted(out.items()))


def _compact(line: str) -> str:
    """A requirement line without its version limits (sciship needs the name, extras and marker only)."""
    import re

    text, sep, marker = line.partition(";")
    m = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?", text)
    name = (m.group(1) + (m.group(2) or "")) if m else text.strip()
    return f"{name}; {marker.strip()}" if sep else name


def _dev_extra(line: str) -> bool:
    """A requirement only a test, docs or dev extra installs: the library's own tools, not an option."""
    import re

    m = re.search(r"""extra\s*==\s*["']([^"']+)["']""", line)
    if m is None:
        return False
    words = set(re.split(r"[-_.]", m.group(1).lower()))
    return bool(words & {"test", "tests", "testing", "dev", "doc", "docs", "lint", "typing", "bench", "ci"})


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare with the index, write nothing")
    parser.add_argument(
        "--add", nargs="+", metavar="NAME", help="read only these distributions and add them to the table"
    )
    args = parser.parse_args(argv)
    if args.add:
        current = json.loads(TABLE.read_text(encoding="utf-8"))["entries"]
        entries = dict(sorted({**current, **read_index(args.add)}.items()))
    else:
        entries = read_index(DISTRIBUTIONS)
    if args.check:
        current = json.loads(TABLE.read_text(encoding="utf-8"))["entries"]
        drift = 0
        for name, entry in entries.items():
            old = current.get(name)
            if old is None:
                print(f"{name}: not in the table")
                drift += 1
                continue
            before = {line.split(";")[0] for line in old["requires_dist"] if "extra ==" not in line}
            after = {line.split(";")[0] for line in entry["requires_dist"] if "extra ==" not in line}
            if before != after:
                added, removed = sorted(after - before), sorted(before - after)
                print(f"{name} {old['version']} -> {entry['version']}: +{added} -{removed}")
                drift += 1
        print(f"{len(entries)} distributions checked; {drift} changed since the table was written")
        return 1 if drift else 0
    head = json.dumps({"schema": 1, "generated": dt.date.today().isoformat()})[:-1]
    body = ",\n".join(f"  {json.dumps(name)}: {json.dumps(entry)}" for name, entry in entries.items())
    TABLE.write_text(f'{head}, "entries": {{\n{body}\n}}}}\n', encoding="utf-8")  # one line per entry
    print(f"wrote {len(entries)} distributions to {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
