"""Each file-access call of the issue, through the import aliases people use, with its conventions.

One script per case (``run.py`` at the root, nothing else in the folder), compared as (access, path).
"""

from __future__ import annotations

import pytest
from flowkit import flow_of, io

CASES = [
    # open(): the mode decides; json, pickle and csv go through it
    ("open('a.txt')", [("read", "a.txt")]),
    ("open('a.txt', 'rb')", [("read", "a.txt")]),
    ("open('a.txt', 'w')", [("write", "a.txt")]),
    ("open('a.txt', mode='a')", [("write", "a.txt")]),
    ("open('a.txt', 'r+')", [("read", "a.txt"), ("write", "a.txt")]),
    ("open('a.txt', 'x')", [("write", "a.txt")]),
    ("import json\njson.dump({}, open('out/s.json', 'w'))", [("write", "out/s.json")]),
    ("import pickle\nwith open('m.pkl', 'rb') as f:\n    m = pickle.load(f)", [("read", "m.pkl")]),
    ("import csv\nrows = list(csv.reader(open('t.csv', newline='')))", [("read", "t.csv")]),
    ("import io\nio.open('a.txt', 'w')", [("write", "a.txt")]),
    ("import gzip\ngzip.open('a.gz')", [("read", "a.gz")]),
    # pathlib methods and / joins
    ("from pathlib import Path\nPath('notes.md').read_text()", [("read", "notes.md")]),
    ("from pathlib import Path\n(Path('out') / 'x.bin').write_bytes(b'')", [("write", "out/x.bin")]),
    (
        "import pathlib\np = pathlib.Path('data') / 'raw' / 'x.csv'\nwith p.open() as f:\n    pass",
        [("read", "data/raw/x.csv")],
    ),
    ("from pathlib import Path\nPath('log.txt').open('a')", [("write", "log.txt")]),
    (
        "from pathlib import Path\nPath('data').joinpath('a', 'b.txt').write_text('x')",
        [("write", "data/a/b.txt")],
    ),
    # pandas
    (
        "import pandas as pd\npd.read_csv('d.csv').to_parquet('d.parquet')",
        [("read", "d.csv"), ("write", "d.parquet")],
    ),
    ("import pandas\npandas.read_excel('x.xlsx')", [("read", "x.xlsx")]),
    ("from pandas import read_table\nread_table('x.tsv')", [("read", "x.tsv")]),
    ("import pandas as pd\ndf = pd.DataFrame()\ndf.to_csv(path_or_buf='o.csv')", [("write", "o.csv")]),
    ("import pandas as pd\ndf = pd.DataFrame()\ndf.to_json()", []),  # no path: returns a string
    # the arguments in a dict spread into the call, when the code spells the dict out (round 33)
    (
        (
            "import pandas as pd\nparams = {'filepath_or_buffer': 'data/x.csv', 'sep': ';'}\n"
            "df = pd.read_csv(**params)\nout = dict(path_or_buf='out/x.csv', index=False)\ndf.to_csv(**out)"
        ),
        [("read", "data/x.csv"), ("write", "out/x.csv")],
    ),
    ("import pandas as pd\ndef f(**kw):\n    pd.read_csv(**kw)\nf(sep=';')", []),  # (not known)
    ("import numpy as np\nkw = dict(file='out/a', arr=1)\nnp.save(**kw)", [("write", "out/a.npy")]),
    (
        (
            "import matplotlib.pyplot as plt\nkw = {'fname': 'fig/a', 'format': 'pdf'}\nplt.savefig(**kw)\n"
            "w = {'file': 'log.txt', 'mode': 'w'}\nopen(**w)"
        ),
        [("write", "fig/a"), ("write", "log.txt")],
    ),
    (
        "import pandas as pd\npd.read_pickle('a.pkl')\npd.DataFrame().to_pickle('b.pkl')",
        [("read", "a.pkl"), ("write", "b.pkl")],
    ),
    # numpy: save adds .npy, savez/savez_compressed add .npz when missing
    ("import numpy as np\nnp.save('out/k', 1)", [("write", "out/k.npy")]),
    ("import numpy as np\nnp.save('out/k.npy', 1)", [("write", "out/k.npy")]),
    ("from numpy import save\nsave(file='k', arr=1)", [("write", "k.npy")]),
    ("import numpy as np\nnp.savez('arrays', a=1)", [("write", "arrays.npz")]),
    ("import numpy as np\nnp.savez_compressed('arrays.npz', a=1)", [("write", "arrays.npz")]),
    (
        "import numpy as np\nnp.load('k.npy'); np.loadtxt('t.txt'); np.genfromtxt('g.csv')",
        [("read", "g.csv"), ("read", "k.npy"), ("read", "t.txt")],
    ),
    ("import numpy as np\nnp.savetxt('t.txt', [1])", [("write", "t.txt")]),
    (
        "import numpy as np\na = np.fromfile('raw.bin')\na.tofile('copy.bin')",
        [("read", "raw.bin"), ("write", "copy.bin")],
    ),
    # matplotlib: savefig on plt or a figure; no extension means PNG (unless format= says otherwise)
    ("import matplotlib.pyplot as plt\nplt.savefig('fig1')", [("write", "fig1.png")]),
    (
        "from matplotlib import pyplot as plt\nfig, ax = plt.subplots()\nfig.savefig('figs/a.pdf')",
        [("write", "figs/a.pdf")],
    ),
    ("import matplotlib.pyplot as plt\nplt.savefig('fig1', format='svg')", [("write", "fig1")]),
    (
        "import matplotlib.pyplot as plt\nplt.rcParams['savefig.format'] = 'pdf'\nplt.savefig('fig1')",
        [("write", "fig1.pdf")],
    ),
    ("import pylab\npylab.savefig('p')", [("write", "p.png")]),
    ("from pylab import *\nsavefig('p.eps')", [("write", "p.eps")]),
    (
        "import matplotlib.pyplot as plt\nplt.imread('in.png')\nplt.imsave('out.png', [[0]])",
        [("read", "in.png"), ("write", "out.png")],
    ),
    # xarray
    (
        "import xarray as xr\nds = xr.open_dataset('in.nc')\nds.to_netcdf('out.nc')",
        [("read", "in.nc"), ("write", "out.nc")],
    ),
    ("import xarray as xr\nxr.open_mfdataset('data/era5_*.nc')", [("read", "data/era5_*.nc")]),
    ("import xarray as xr\nxr.open_mfdataset(['a.nc', 'b.nc'])", [("read", "a.nc"), ("read", "b.nc")]),
    (
        "import xarray as xr\nxr.open_dataset('x.nc').to_zarr('x.zarr')",
        [("read", "x.nc"), ("write", "x.zarr")],
    ),
    # maps: shapefiles and other vector data (falettiwx/WoFS reads county borders with cartopy)
    (
        "import cartopy.io.shapereader as shpreader\nshpreader.Reader('maps/counties.shp')",
        [("read", "maps/counties.shp")],
    ),
    (
        "import shapefile\nshapefile.Reader('a.shp')\nshapefile.Writer('b.shp')",
        [("read", "a.shp"), ("write", "b.shp")],
    ),
    (
        "import fiona\nfiona.open('a.gpkg')\nfiona.open('b.gpkg', 'w')",
        [("read", "a.gpkg"), ("write", "b.gpkg")],
    ),
    ("import geopandas as gpd\ngpd.read_parquet('a.parquet')", [("read", "a.parquet")]),
    # graphs (schwartzlab-methods/CellNEST: pyvis and networkx drawings; lymphopenia: graph-tool)
    (
        "import networkx as nx\nnx.write_graphml(g, 'g.graphml')\nnx.read_gexf('a.gexf')",
        [("write", "g.graphml"), ("read", "a.gexf")],
    ),
    ("from networkx.drawing.nx_agraph import write_dot\nwrite_dot(g, 'g.dot')", [("write", "g.dot")]),
    ("from pyvis.network import Network\nnt = Network()\nnt.save_graph('g.html')", [("write", "g.html")]),
    (
        "from graph_tool.draw import graph_draw\ngraph_draw(g, output='plots/g.pdf')",
        [("write", "plots/g.pdf")],
    ),
    # h5py and netCDF4: the mode decides
    ("import h5py\nh5py.File('a.h5')", [("read", "a.h5")]),
    ("import h5py\nh5py.File('a.h5', 'w')", [("write", "a.h5")]),
    ("import h5py\nh5py.File('a.h5', mode='r+')", [("read", "a.h5"), ("write", "a.h5")]),
    ("import netCDF4\nnetCDF4.Dataset('a.nc')", [("read", "a.nc")]),
    ("from netCDF4 import Dataset\nDataset('a.nc', 'w', format='NETCDF4')", [("write", "a.nc")]),
    # PIL
    (
        "from PIL import Image\nim = Image.open('in.jpg')\nim.save('out/small.png')",
        [("read", "in.jpg"), ("write", "out/small.png")],
    ),
    # scipy.io
    (
        "import scipy.io as sio\nsio.loadmat('m.mat')\nsio.savemat('n.mat', {})",
        [("read", "m.mat"), ("write", "n.mat")],
    ),
    ("from scipy.io import loadmat\nloadmat('data/subject1')", [("read", "data/subject1")]),
    # aplpy's figures (LisaYoungUIUC/astro_figures_code), astropy's tables written
    # (desihub/spectropaper-code), and a text written into an open file, which names none
    (
        (
            "import aplpy\nfrom astropy.table import Table\nf = aplpy.FITSFigure('image.fits')\n"
            "f.show_contour('c.fits')\nf.show_rgb('p.png')\nt = Table.read('in.ecsv')\n"
            "t.write('dchi2.fits', overwrite=True)\n"
            "with open('log.txt', 'w') as fh:\n    fh.write('results.fits')\n"
            "import sys\nsys.stdout.write('x.fits')\nh = open('b.txt', 'w')\nh.write('y.fits')"
        ),
        [
            ("read", "image.fits"),
            ("read", "c.fits"),
            ("read", "p.png"),
            ("read", "in.ecsv"),
            ("write", "dchi2.fits"),
            ("write", "log.txt"),
            ("write", "b.txt"),
        ],
    ),
    # sequencing files (JMencius/MethQC-paper-code) and a folder of images (BioroboticsLab/IBA-paper-code)
    (
        (
            "import pysam\nfrom torchvision.datasets import ImageFolder\n"
            "fa = pysam.FastaFile('ref/hg38.fa')\nbam = pysam.AlignmentFile('in.bam', 'rb')\n"
            "out = pysam.AlignmentFile('out.bam', 'wb', template=bam)\n"
            "ds = ImageFolder('data/imagenet/train')"
        ),
        [("read", "ref/hg38.fa"), ("read", "in.bam"), ("write", "out.bam"), ("read", "data/imagenet/train")],
    ),
    # fitsio, and astropy's tables (desihub/spectropaper-code)
    (
        (
            "import fitsio\nfrom astropy.table import Table\nd = fitsio.read('in/a.fits')\n"
            "fitsio.read_header('in/b.fits')\nfitsio.write('out/c.fits', d)\nTable.read('in/t.ecsv')"
        ),
        [("read", "in/a.fits"), ("read", "in/b.fits"), ("write", "out/c.fits"), ("read", "in/t.ecsv")],
    ),
    # astropy's text tables (StanBarmentloo/NII_nebular_phase)
    (
        (
            "from astropy.io import ascii\nimport astropy.io.ascii as aio\nt = ascii.read('sumo/spec.dat')\n"
            "ascii.write(t, 'out/t.txt', format='csv')\naio.read(table='sumo/b.dat')\n"
            "aio.write(t, output='out/u.txt')"
        ),
        [("read", "sumo/spec.dat"), ("write", "out/t.txt"), ("read", "sumo/b.dat"), ("write", "out/u.txt")],
    ),
    # AMUSE's particle sets, from amuse.lab (its everything-module) or amuse.io (spzwart/JuMBOs-paper)
    (
        (
            "from amuse.lab import read_set_from_file, write_set_to_file\nimport amuse.io\n"
            "b = read_set_from_file('runs/jumbos_i0000.amuse', close_file=True)\n"
            "write_set_to_file(b, 'bound.amuse', 'amuse', overwrite_file=True)\n"
            "amuse.io.read_set_from_file(filename='s.h5', format='hdf5')\n"
            "amuse.io.write_set_to_file(b, filename='t.csv', format='csv')"
        ),
        [("read", "runs/jumbos_i0000.amuse"), ("write", "bound.amuse"), ("read", "s.h5"), ("write", "t.csv")],
    ),
    # atomistic simulations (mstapelberg/active_learning_paper_analysis)
    (
        (
            "from ase.io import read, write\nimport ase.io\nfrom pymatgen.io.vasp import Outcar, Vasprun\n"
            "from pymatgen.core import Structure\natoms = read('runs/POSCAR')\nwrite('out/a.xyz', atoms)\n"
            "ase.io.iread('runs/traj.xyz')\nOutcar('runs/OUTCAR')\nVasprun(filename='runs/vasprun.xml')\n"
            "Structure.from_file('runs/CONTCAR')"
        ),
        [
            ("read", "runs/POSCAR"),
            ("write", "out/a.xyz"),
            ("read", "runs/traj.xyz"),
            ("read", "runs/OUTCAR"),
            ("read", "runs/vasprun.xml"),
            ("read", "runs/CONTCAR"),
        ],
    ),
    # a font file (syedarehaq/diversify_netsci_paper_analysis)
    (
        (
            "from matplotlib import font_manager as fm\nfm.FontProperties(fname='fonts/m.ttf')\n"
            "fm.fontManager.addfont('fonts/a.ttf')\nfm.FontProperties(family='serif')"
        ),
        [("read", "fonts/m.ttf"), ("read", "fonts/a.ttf")],
    ),
    # a part of a text the code sets: `stem = "names.csv".split(".")[0]` (the same repository)
    (
        (
            "f = 'names.csv'\nstem = f.split('.')[0]\nopen('out_%s_%d.csv' % (stem, 0), 'w')\n"
            "open('a/b/c.txt'.rsplit('/', 1)[-1] + '.log', 'w')\nopen(f.split()[3] + '.x', 'w')"
        ),
        [("write", "out_names_0.csv"), ("write", "c.txt.log"), ("write", "*.x")],
    ),
    # (through the public submodule: mh105/PLOS_compbiol_switching_paper_analysis)
    (
        (
            "import scipy.io\nscipy.io.matlab.savemat('a.mat', {})\nfrom scipy.io import matlab\n"
            "matlab.loadmat('b.mat')\nmatlab.whosmat('c.mat')"
        ),
        [("write", "a.mat"), ("read", "b.mat"), ("read", "c.mat")],
    ),
    # torch, joblib: the path is the second argument when saving
    (
        "import torch\ntorch.save(model, 'model.pt')\ntorch.load('model.pt')",
        [("write", "model.pt"), ("read", "model.pt")],
    ),
    (
        "import joblib\njoblib.dump(clf, 'clf.joblib')\njoblib.load('clf.joblib')",
        [("write", "clf.joblib"), ("read", "clf.joblib")],
    ),
    # imageio, v2 and v3 names
    (
        "import imageio\nimageio.imread('a.png')\nimageio.imwrite('b.png', im)",
        [("read", "a.png"), ("write", "b.png")],
    ),
    ("import imageio.v2 as imageio\nimageio.mimsave('movie.gif', frames)", [("write", "movie.gif")]),
    (
        "import imageio.v3 as iio\nim = iio.imread('a.tif')\niio.imwrite('b.tif', im)",
        [("read", "a.tif"), ("write", "b.tif")],
    ),
    # shutil
    ("import shutil\nshutil.copyfile('a.txt', 'b.txt')", [("read", "a.txt"), ("write", "b.txt")]),
    ("import shutil\nshutil.copy('a.txt', 'backup/')", [("read", "a.txt"), ("write", "backup/a.txt")]),
    ("import shutil\nshutil.move('a.txt', 'b.txt')", [("read", "a.txt"), ("write", "b.txt")]),
    # more names researchers use
    (
        "import geopandas as gpd\ngpd.read_file('map.gpkg').to_file('out.geojson')",
        [("read", "map.gpkg"), ("write", "out.geojson")],
    ),
    (
        "import polars as pl\npl.read_csv('a.csv').write_parquet('a.parquet')",
        [("read", "a.csv"), ("write", "a.parquet")],
    ),
    (
        "from urllib.request import urlretrieve\nurlretrieve('https://x.org/d.zip', 'data/d.zip')",
        [("write", "data/d.zip")],
    ),
    # pybedtools (ahansenlab/cleopatra_analysis_code); a path given through `:=` (the IBL's RIGOR notebook)
    (
        "import pybedtools\nbt = pybedtools.BedTool('loops.bed')\nbt.saveas('loops_copy.bed')",
        [("read", "loops.bed"), ("write", "loops_copy.bed")],
    ),
    (
        (
            "import pandas as pd\nfrom pathlib import Path\nout = Path('results')\n"
            "pd.DataFrame().to_parquet(f := out.joinpath('w.pqt'))"
        ),
        [("write", "results/w.pqt")],
    ),
    # brain images (janbrascamp, individual-brain-charting: the GLMs' z maps and an atlas, unseen)
    (
        "import nibabel as nib\nimg = nib.load('a.nii.gz')\nimg.to_filename('results/z.nii.gz')",
        [("read", "a.nii.gz"), ("write", "results/z.nii.gz")],
    ),
    (
        (
            "from nilearn import image, surface\nm = image.load_img('mask.nii.gz')\n"
            "t = surface.load_surf_data('lh.thickness')\nimage.load_img(m)"
        ),
        [("read", "mask.nii.gz"), ("read", "lh.thickness")],
    ),
    (
        (
            "import nibabel as nib\nfrom nibabel.freesurfer import read_annot\n"
            "x = read_annot('lh.HCPMMP1.annot')\nnib.freesurfer.write_morph_data('lh.curv', x)"
        ),
        [("read", "lh.HCPMMP1.annot"), ("write", "lh.curv")],
    ),
    # HoloViews and Bokeh (pynucastro/pynucastro3.0-paper-notebooks: about ten figures unseen)
    (
        "import holoviews as hv\nhv.save(hv.Curve([1]), 'figures/curve.svg')",
        [("write", "figures/curve.svg")],
    ),
    (
        (
            "from bokeh.io import save, export_png\nsave(p, filename='plot.html')\n"
            "export_png(p, filename='p.png')"
        ),
        [("write", "plot.html"), ("write", "p.png")],
    ),
    # tifffile's objects (jmuhlich/ashlar-paper-figures: 18 input images neither listed nor missing)
    (
        (
            "import tifffile\na = tifffile.TiffFile('input/cycle_0.tif')\n"
            "with tifffile.TiffWriter('output/stack.tif') as w:\n    w.write(a.asarray())"
        ),
        [("read", "input/cycle_0.tif"), ("write", "output/stack.tif")],
    ),
]


@pytest.mark.parametrize(("source", "expected"), CASES, ids=[c[0].split("\n")[-1][:50] for c in CASES])
def test_call(source: str, expected: list[tuple[str, str]]) -> None:
    assert io(flow_of({"run.py": source + "\n"})) == expected


def test_loadmat_finds_the_file_with_mat_added() -> None:
    flow = flow_of(
        {"run.py": "from scipy.io import loadmat\nloadmat('data/subject1')\n", "data/subject1.mat": b""}
    )
    assert flow.missing == ()
    assert flow_of({"run.py": "from scipy.io import loadmat\nloadmat('data/subject1')\n"}).missing == (
        "data/subject1",
    )


def test_copy_into_an_existing_folder_keeps_the_name() -> None:
    flow = flow_of(
        {"run.py": "import shutil\nshutil.copy('a.txt', 'backup')\n", "a.txt": "", "backup/old.txt": ""}
    )
    assert io(flow) == [("read", "a.txt"), ("write", "backup/a.txt")]


@pytest.mark.parametrize(
    "source",
    [
        "import matplotlib.pyplot as plt\nplt.ylabel('ATP/s')\nplt.title('a / b')",
        "import re\nre.compile(r'\\.pkl$')",
        "x = '/'\nprint('results/' + x)",
        "import numpy as np\nnp.mean('data.npy')",
        "import pandas as pd\npd.DataFrame().to_csv()",
        "import json\njson.dump({}, fh)",
        "import pickle\npickle.load(f)",
        "data = {'path': 'data/x.csv'}\nprint(data)",
        "import requests\nrequests.get('https://example.org/data.csv')",
        "import pandas as pd\npd.read_csv('https://example.org/data.csv')",
        "import pandas as pd\npd.read_csv(sys.stdin)",
        "model.save(weights)",
        "obj.save('not a path')",
    ],
)
def test_what_is_not_a_file_access(source: str) -> None:
    assert io(flow_of({"run.py": source + "\n"})) == []


def test_a_local_function_named_like_a_method_is_followed() -> None:
    flow = flow_of(
        {
            "run.py": "import store\nstore.save('run1')\n",
            "store.py": "import numpy as np\n\ndef save(name):\n    np.save(f'results/{name}', 1)\n",
        }
    )
    assert io(flow) == [("write", "results/run1.npy")]


def test_a_style_sheet_figure_helpers_and_openmdao_reports() -> None:
    """brandbci/paper-figures: every script starts with `matplotlib.style.use('../paper.mplstyle')`, which
    says it runs from `figures/` (its plots go to `figures/plots/`); ligand-discovery: `stylia.save_figure`
    wrote 62 figures; garobed1/pou-paper-code: OpenMDAO's `om.n2(prob, outfile=...)` writes a page."""
    fig = (
        "import matplotlib\nimport matplotlib.pyplot as plt\nmatplotlib.style.use('../paper.mplstyle')\n"
        "plt.style.use('ggplot')\nplt.savefig('plots/fig2.pdf')\n"
    )
    flow = flow_of({"figures/fig2.py": fig, "paper.mplstyle": "font.size: 8\n", "figures/plots/old.pdf": ""})
    step = flow.step("figures/fig2.py")
    assert step is not None
    assert (step.workdir, step.reads, step.writes) == (
        "figures",
        ("paper.mplstyle",),
        ("figures/plots/fig2.pdf",),
    )
    nb = "import stylia\nstylia.save_figure('../assets/Figure01_I.png')\nstylia.save_figure(name)\n"
    flow = flow_of({"notebooks/fig.py": nb, "assets/old.png": ""})
    assert io(flow) == [("write", "assets/Figure01_I.png")]
    om = (
        "import openmdao.api as om\nprob = om.Problem()\n"
        "om.n2(prob, show_browser=False, outfile='model.html')\nom.n2(prob)\n"
        "prob.driver.add_recorder(om.SqliteRecorder('cases.sql'))\n"
    )
    flow = flow_of({"run.py": om})
    assert sorted(io(flow)) == [("write", "cases.sql"), ("write", "model.html"), ("write", "n2.html")]


def test_single_cell_data_model_weights_and_cdf_files() -> None:
    """schwartzlab-methods/penne_paper_figures: `sc.read_10x_mtx(...)`, `torchvision.utils.save_image(img,
    path)`, `AutoModel.from_pretrained("/fs01/home/.../phikon-v2")` (a folder on the author's computer; a
    hub name such as `bert-base-uncased` is no file); rachelblack3/paper_figures: `pycdf.CDF(path)`."""
    script = (
        "import scanpy as sc\nimport anndata\nimport torchvision\nfrom spacepy import pycdf\n"
        "from transformers import AutoModel\n"
        "adata = sc.read_10x_mtx('data/sample1/filtered_feature_bc_matrix')\n"
        "b = anndata.read_h5ad('data/b.h5ad')\nadata.write_h5ad('results/merged.h5ad')\n"
        "torchvision.utils.save_image(img, 'figures/high_exp/img_0.png')\n"
        "cdf = pycdf.CDF('data/PSD_sliding.cdf')\n"
        "m = AutoModel.from_pretrained('/fs01/home/rd/.cache/huggingface/hub/phikon-v2')\n"
        "n = AutoModel.from_pretrained('bert-base-uncased')\nm.save_pretrained('models/finetuned')\n"
        "out = 'results/processed'\nadata.write(out + '/adata.h5ad')\n"
        "with open('results/log.txt', 'w') as f:\n    f.write('saved results/merged.h5ad')\n"
    )
    flow = flow_of({"run.py": script})
    assert sorted(u for u in io(flow) if not u[1].startswith("/")) == [
        ("read", "data/PSD_sliding.cdf"),
        ("read", "data/b.h5ad"),
        ("read", "data/sample1/filtered_feature_bc_matrix"),
        ("write", "figures/high_exp/img_0.png"),
        ("write", "models/finetuned"),
        ("write", "results/log.txt"),
        ("write", "results/merged.h5ad"),
        ("write", "results/processed/adata.h5ad"),
    ]
    assert [p.target for p in flow.problems if p.code == "SHR111"] == [
        "/fs01/home/rd/.cache/huggingface/hub/phikon-v2"
    ]


def test_sequences_climate_cubes_and_molecular_dynamics() -> None:
    """RomeroLab/PU-learning-paper-analysis (`SeqIO.write(seqs, f'{direc}aln_filtered.fasta', ...)`),
    colemanmr/ukesm_aerosol_nudging_analysis_code (Iris: 425 `iris.load`/`save` calls) and
    MobleyLab/SMIRNOFF_paper_code (OpenMM's `StateDataReporter` writing the CSV the script reads back):
    every file these libraries read and write was missing."""
    script = (
        "from Bio import SeqIO, AlignIO\nimport iris\nfrom openmm.app import StateDataReporter, PDBFile\n"
        "recs = list(SeqIO.parse('seqs/in.fasta', 'fasta'))\nSeqIO.write(recs, 'seqs/out.fasta', 'fasta')\n"
        "aln = AlignIO.read('aln/x.sto', 'stockholm')\ncubes = iris.load('data/*.pp')\n"
        "iris.save(cubes[0], 'out/mean.nc')\npdb = PDBFile('spc216.pdb')\n"
        "rep = StateDataReporter('results/prod.csv', 1000, step=True)\n"
        "with open('seqs/h.fasta') as fh:\n    SeqIO.parse(fh, 'fasta')\n"
    )
    flow = flow_of({"run.py": script})
    assert io(flow) == [
        ("read", "seqs/in.fasta"),
        ("write", "seqs/out.fasta"),
        ("read", "aln/x.sto"),
        ("read", "data/*.pp"),
        ("write", "out/mean.nc"),
        ("read", "spc216.pdb"),
        ("write", "results/prod.csv"),
        ("read", "seqs/h.fasta"),
    ]


def test_anndata_objects_written_in_a_long_script() -> None:
    """azizilab/arcadia_reproducibility, starfysh_reproducibility: in a script over 3000 characters only the
    lines naming a file call are searched, and `rna_adata.write(out)` names none (`write` alone is too
    common): every pipeline output was missing."""
    script = (
        "import anndata as ad\n"
        + "x = 1  # padding to make the file long\n" * 120
        + "out = 'results/rna_processed.h5ad'\nrna_adata = ad.AnnData()\nrna_adata.write(out)\n"
        "adata_x = rna_adata\nadata_x.write(out.replace('rna', 'atac'))\n"
    )
    flow = flow_of({"pipeline.py": script})
    assert io(flow) == [("write", "results/rna_processed.h5ad"), ("write", "results/atac_processed.h5ad")]


def test_the_newest_of_the_files_a_glob_finds() -> None:
    """azizilab/arcadia_reproducibility: `max(glob.glob('runs/*/embedding.pkl'), key=os.path.getmtime)`
    read nothing (while `sorted(...)[-1]` was followed), so the figure came before the runs."""
    script = (
        "import glob, os, pickle\nlatest = max(glob.glob('runs/*/embedding.pkl'), key=os.path.getmtime)\n"
        "pickle.load(open(latest, 'rb'))\nn = max([1, 2])\n"
    )
    flow = flow_of({"fig.py": script})
    assert io(flow) == [("read", "runs/*/embedding.pkl")]


def test_a_download_by_the_wget_package_and_a_snakemake_file_by_another_ending() -> None:
    """theislab/trVAE_reproducibility: `wget.download(url, "../data/haber_count.h5ad")` (the README's first
    step) wrote nothing; GreenleafLab/NEAT-seq_reproducibility: `K562_download.snake` (Snakemake under
    another ending) runs `bam_to_fragments.py`, and was not read."""
    flow = flow_of(
        {
            "scripts/download.py": (
                "import wget\nwget.download('https://e.org/h.h5ad', '../data/haber_count.h5ad')\n"
            ),
            "pipeline/K562_download.snake": (
                "rule convert:\n    output: 'out/{sample}/possorted.bed.gz'\n"
                "    shell: 'samtools view x.bam | python bam_to_fragments.py {wildcards.sample} "
                "| gzip > {output}'\n"
            ),
            "pipeline/bam_to_fragments.py": "import sys\nname = sys.argv[1]\nprint(name)\n",
            "pipeline/plot.py": "import pandas as pd\npd.read_csv('out/K562/possorted.bed.gz')\n",
        }
    )
    assert ("write", "data/haber_count.h5ad") in io(flow)
    assert not [p for p in flow.problems if p.code == "SHR110"]


def test_a_waf_builds_paths_and_a_sunpy_map() -> None:
    """ToFeWe/q-learning-replication-code (econ-project-templates, built with waf): every file is
    `ppj("OUT_DATA", "grid_3_agents.pickle")`, and none was seen (the steps came in the order of their
    names); elastufka/SAX-XRS_figures: `sunpy.map.Map('aia...fits')` is the notebook's only input."""
    flow = flow_of(
        {
            "src/data_management/load.py": (
                "import pickle\nfrom bld.project_paths import project_paths_join as ppj\nn_agents = 3\n"
                "with open(ppj('OUT_DATA', f'grid_{n_agents}_agents.pickle'), 'wb') as f:\n"
                "    pickle.dump(1, f)\n"
            ),
            "src/analysis/results.py": (
                "import pickle\nfrom bld.project_paths import project_paths_join as ppj\n"
                "pickle.load(open(ppj('OUT_DATA', 'grid_3_agents.pickle'), 'rb'))\n"
            ),
            "sun.py": "import sunpy.map\nm = sunpy.map.Map('aia.fits')\nm2 = sunpy.map.Map(data, header)\n",
        }
    )
    order = ["src/data_management/load.py", "src/analysis/results.py", "sun.py"]
    assert [s.path for s in flow.steps] == order
    assert io(flow, "src/analysis/results.py") == [("read", "**/grid_3_agents.pickle")]
    assert io(flow, "sun.py") == [("read", "aia.fits")]


def test_an_astropy_tables_write_with_its_format() -> None:
    """tflowers15/wallaby-analysis-scripts: `t.write(table_str, format='fits')` wrote the catalogues the
    other steps read, unseen (the steps came out of order); a file's `f.write(text)` still names no file."""
    flow = flow_of(
        {
            "derive.py": (
                "from astropy.table import Table\nt = Table()\nname = 'wallaby_derived.fits'\n"
                "t.write(name, format='fits', overwrite=True)\n"
                "f = open('log.txt', 'w')\nf.write('done.txt')\n"
            ),
        }
    )
    assert io(flow) == [("write", "wallaby_derived.fits"), ("write", "log.txt")]


def test_a_web_query_built_from_a_name_is_no_file() -> None:
    """tflowers15/wallaby-analysis-scripts: `service + '?ra=%s&dec=%s&size=%s&format=fits'` was read as a file
    (`*?ra=*&dec=*&size=*&format=fits&filters=*`)."""
    flow = flow_of(
        {
            "download.py": (
                "import sys\nfrom astropy.io import fits\nservice = sys.argv[1]\n"
                "url = service + '?ra=%s&dec=%s&format=fits' % (1, 2)\nfits.open(url)\n"
            ),
        }
    )
    assert io(flow) == []
    assert not flow.problems


def test_a_table_of_the_folders_functions() -> None:
    """pantelisantonoudiou/seizyml_manuscript_code: `TASKS = {..., 'post_processing':
    post_processing.run_processing}` run as `TASKS[sys.argv[1]]()`: the lambdas of the table were
    followed, the functions it names were not (a false SHR110, and the steps out of order)."""
    flow = flow_of(
        {
            "run.py": (
                "import sys\nfrom utils import plots, post\n"
                "TASKS = {'a': lambda: plots.make('x'), 'b': post.run, 'c': len}\n"
                "if __name__ == '__main__':\n    TASKS[sys.argv[1]]()\n"
            ),
            "utils/__init__.py": "",
            "utils/plots.py": "def make(n):\n    open(n + '.png', 'w')\n",
            "utils/post.py": (
                "import pandas as pd\ndef run():\n    pd.read_csv('time.csv').to_csv('post.csv')\n"
            ),
        }
    )
    assert io(flow, "run.py") == [("write", "post.csv"), ("read", "time.csv"), ("write", "x.png")]


def test_the_files_a_glob_finds_are_looked_at() -> None:
    """KISRDevelopment/interpretable_student_models_paper_code: `exp_perf.py` globs `data/datasets/perf_*`
    and hands the names to other scripts; it read nothing, and came before the generator that writes them.
    A glob that finds nothing is no missing input; one in a folder sciship cannot tell links nothing; one
    of a folder of the author's computer finds nothing on another: an absolute path
    (juliuslehner/paper_code)."""
    flow = flow_of(
        {
            "a_exp.py": (
                "import glob, os, sys\nnames = [os.path.basename(p) for p in glob.glob('data/perf_*')]\n"
                "old = glob.glob('old/*.csv')\nanything = glob.glob(os.path.join(sys.argv[1], '*'))\n"
                "elsewhere = glob.glob('/home/ana/data/perf_*')\n"
            ),
            "b_gen.py": "import numpy as np\nnp.savetxt('data/perf_1.csv', [1])\n",
        }
    )
    assert io(flow, "a_exp.py") == [
        ("read", "data/perf_*"),
        ("read", "old/*.csv"),
        ("read", "/home/ana/data/perf_*"),
    ]
    assert [s.path for s in flow.steps] == ["b_gen.py", "a_exp.py"]
    assert [(p.code, p.target) for p in flow.problems] == [("SHR111", "/home/ana/data/perf_*")]


def test_an_element_of_a_glob_or_a_list_by_a_loop_index() -> None:
    """anitsoga/mossing_paper_code: `weights_files = glob.glob(weights_fold + '*.npy')` then
    `np.load(weights_files[iwt])` read nothing (the same read as `for f in weights_files` was found)."""
    flow = flow_of(
        {
            "run.py": (
                "import glob\nimport numpy as np\nfiles = glob.glob('/home/dan/weights/*.npy')\n"
                "for i in range(len(files)):\n    np.load(files[i])\nnames = ['a.npy', 'b.npy']\n"
                "for i in range(len(names)):\n    np.load('data/' + names[i])\n"
            ),
        }
    )
    assert sorted(io(flow)) == [
        ("read", "/home/dan/weights/*.npy"),
        ("read", "data/a.npy"),
        ("read", "data/b.npy"),
    ]


def test_electrophysiology_recordings_read_by_spikeinterface() -> None:
    """Guangmiao-jin/rgc-transplantation-paper-analysis: `se.read_biocam('....brw')`, the one input of the
    notebook, was unseen (no missing input, and REPRODUCE.md's command failed at once)."""
    flow = flow_of(
        {
            "sort.py": (
                "import spikeinterface.extractors as se\nimport spikeinterface.full as si\n"
                "se.read_biocam('data/rec.brw')\nsi.read_intan(file_path='data/x.rhd')\n"
            )
        }
    )
    assert io(flow) == [("read", "data/rec.brw"), ("read", "data/x.rhd")]


def test_a_file_a_script_asserts_is_there_is_read() -> None:
    """KISRDevelopment/interpretable_student_models_paper_code: `assert os.path.exists(
    "./data/datasets/%s.embeddings.npy" % dataset)` stops the script without the file, yet it ran before
    the step that makes it. An `if os.path.exists(...)` is a check, no read of its own."""
    flow = flow_of(
        {
            "a_exp.py": (
                "import os\nv = 'x'\n"
                "assert os.path.exists('./data/datasets/%s.embeddings.npy' % v), 'run gen'\n"
                "if os.path.exists('data/optional.csv'):\n    pass\n"
            ),
            "b_gen.py": "import numpy as np\nnp.save('data/datasets/x.embeddings.npy', 1)\n",
        }
    )
    assert io(flow, "a_exp.py") == [("read", "data/datasets/x.embeddings.npy")]
    assert [s.path for s in flow.steps] == ["b_gen.py", "a_exp.py"]


def test_keras_weights_saved_and_loaded() -> None:
    """lzxlab/pSAM_paper_code: `model.save_weights('models/cnn.h5')` and `load_weights(...)` (17 of them)
    were unseen, so the prediction scripts came before the training."""
    flow = flow_of(
        {
            "a_predict.py": "import keras\nm = keras.Sequential()\nm.load_weights('models/cnn.h5')\n",
            "b_train.py": "import keras\nm = keras.Sequential()\nm.save_weights('models/cnn.h5')\n",
        }
    )
    assert [s.path for s in flow.steps] == ["b_train.py", "a_predict.py"]


def test_eeg_recordings_read_by_mne() -> None:
    """JamesDowsettNeuroscience/flicker_analysis_code: `mne.io.read_raw_brainvision(folder + name +
    '.vhdr')` read nothing, so the raw recordings were no inputs and none was missing."""
    flow = flow_of(
        {
            "load.py": (
                "import mne\nraw = mne.io.read_raw_brainvision('data/P1.vhdr', preload=True)\n"
                "ep = mne.read_epochs(fname='data/P1-epo.fif')\n"
            )
        }
    )
    assert io(flow) == [("read", "data/P1.vhdr"), ("read", "data/P1-epo.fif")]


def test_videos_hic_matrices_and_genome_tracks() -> None:
    """jakeormond/robot_maze_analysis_code (`cv2.VideoCapture`, `cv2.VideoWriter`),
    ahansenlab/cleopatra_analysis_code and jjusuf2/AbsQuant_analysis_code (`cooler.Cooler`,
    `cooler.create_cooler`, `pyBigWig.open`): the files were unseen. A camera's number is no file."""
    flow = flow_of(
        {
            "run.py": (
                "import cv2, cooler, pyBigWig\ncv2.VideoCapture('video/trial1.avi')\ncv2.VideoCapture(0)\n"
                "cv2.VideoWriter('out/tracked.mp4', 0, 30, (640, 480))\n"
                "c = cooler.Cooler('data/x.mcool::/r/1000')\n"
                "cooler.create_cooler('out/merged.cool', bins=None, pixels=None)\n"
                "bw = pyBigWig.open('data/signal.bw')\nout = pyBigWig.open('out/sum.bw', 'w')\n"
            )
        }
    )
    assert io(flow) == [
        ("read", "video/trial1.avi"),
        ("write", "out/tracked.mp4"),
        ("read", "data/x.mcool"),
        ("write", "out/merged.cool"),
        ("read", "data/signal.bw"),
        ("write", "out/sum.bw"),
    ]


def test_table_and_fitsio_reads_in_a_long_file() -> None:
    """desihub/spectropaper-code: in a file over 3000 characters only lines with telling words are parsed;
    `Table.read(f)` and `fitsio.read(f)` have none of the usual ones."""
    pad = "".join(f"x{i} = {i}\n" for i in range(400))
    source = (
        "import fitsio\nfrom astropy.table import Table\n"
        + pad
        + ("d = fitsio.read('in/a.fits')\nt = Table.read('in/t.ecsv')\n")
    )
    assert io(flow_of({"a.py": source})) == [("read", "in/a.fits"), ("read", "in/t.ecsv")]


def test_matlab_files_of_hdf5storage_and_r_data_files() -> None:
    """PaulaPflitsch/SleepPaper_code2023 (`hdf5storage.savemat`/`loadmat`, which add `.mat` to a name
    without it) and TonyTran03/synthetic_data_paper_code (`pyreadr.read_r`, the paper's one data file):
    the files and the order they make were unseen."""
    flow = flow_of(
        {
            "make.py": (
                "import hdf5storage\nimport pyreadr\nhdf5storage.savemat('results/rate', {'a': 1})\n"
                "hdf5storage.write(1, '/x', filename='results/all.h5')\n"
                "r = pyreadr.read_r('data/x.RData')\npyreadr.write_rds('results/y.rds', r[None])\n"
            ),
            "use.py": (
                "import hdf5storage as hdf\nrate = hdf.loadmat('results/rate.mat')\n"
                "x = hdf.read('/x', filename='results/all.h5')\n"
            ),
        }
    )
    assert io(flow, "make.py") == [
        ("write", "results/rate.mat"),
        ("write", "results/all.h5"),
        ("read", "data/x.RData"),
        ("write", "results/y.rds"),
    ]
    assert io(flow, "use.py") == [("read", "results/rate.mat"), ("read", "results/all.h5")]
    step = flow.step("use.py")
    assert step is not None
    assert step.after == ("make.py",)


def test_the_path_package_s_path_is_a_path() -> None:
    """PaulaPflitsch/SleepPaper_code2023: `path.Path() / '..' / experiment` (the `path` package) is the
    working folder's parent, as with pathlib; its paths were unanchored (`**/exp1/...`), hiding the
    missing experiment folders. The folder's own `path.py` is not that package."""
    flow = flow_of(
        {
            "analysis/a.py": (
                "import numpy as np\nimport path\nroot = path.Path() / '..' / 'exp1'\n"
                "info = np.load(root / 'info.npy')\n"
            ),
        }
    )
    assert io(flow) == [("read", "exp1/info.npy")]
    assert [p.code for p in flow.problems] == ["SHR110"]
    own = {"a.py": "import numpy as np\nimport path\nnp.load(path.Path('x') / 'info.npy')\n", "path.py": ""}
    assert io(flow_of(own)) == [("read", "**/info.npy")]


def test_keras_models_and_meshes() -> None:
    """MAPS_Paper_Code (`load_model` of what `model.save` wrote: no order between the steps) and
    lodurality/GEM3D_paper_code (`trimesh.load`, `mesh.export`: the main results unseen)."""
    flow = flow_of(
        {
            "train.py": (
                "import tensorflow as tf\nimport trimesh\nmodel = tf.keras.Sequential()\n"
                "model.save('models/m.tf')\nmesh = trimesh.load('data/b.stl', force='mesh')\n"
                "mesh.export('results/recon.ply')\n"
            ),
            "evaluate.py": (
                "from tensorflow.keras.models import load_model\nimport trimesh\n"
                "m = load_model('models/m.tf', compile=False)\nt = trimesh.load_mesh('results/recon.ply')\n"
            ),
            "data/b.stl": "solid\n",
        }
    )
    assert io(flow, "train.py") == [
        ("write", "models/m.tf"),
        ("read", "data/b.stl"),
        ("write", "results/recon.ply"),
    ]
    assert io(flow, "evaluate.py") == [("read", "models/m.tf"), ("read", "results/recon.ply")]
    assert not flow.problems


def test_a_file_moved_into_place_in_a_long_file_and_a_walked_folder() -> None:
    """rjain2470/EMNSR_paper_code: `os.replace(tmp, out)` of a download was unseen in a file over 3000
    characters (its words are too common to look for alone): five false missing inputs. MAPS_Paper_Code:
    the files `os.walk` finds under an absolute folder were an input in the folder (`**/*`)."""
    pad = "".join(f"x{i} = {i}\n" for i in range(400))
    source = (
        "import os\nimport numpy as np\nimport urllib.request\n"
        + pad
        + "urllib.request.urlretrieve('https://example.org/d.csv', 'data/d.csv.part')\n"
        "os.replace('data/d.csv.part', 'data/d.csv')\n"
        "for root, dirs, files in os.walk(r'C:\\Users\\me\\TIMIT'):\n"
        "    for f in files:\n        np.loadtxt(os.path.join(root, f))\n"
    )
    flow = flow_of({"get.py": source, "use.py": "import numpy as np\nnp.loadtxt('data/d.csv')\n"})
    step = flow.step("use.py")
    assert step is not None
    assert step.after == ("get.py",)
    assert [(p.code, p.target) for p in flow.problems] == [("SHR111", "C:/Users/me/TIMIT/**/*")]


def test_what_a_keras_fit_writes_as_it_goes() -> None:
    """fyz11/LightSheetPaper_Code: `ModelCheckpoint('best.h5', ...)` writes the weights `load_weights`
    reads after the fit: a false missing input."""
    source = (
        "from tensorflow import keras\nmodel = keras.Sequential()\n"
        "ckpt = keras.callbacks.ModelCheckpoint('best.h5', save_best_only=True)\n"
        "log = keras.callbacks.CSVLogger('logs/train.csv')\nmodel.fit(x, y, callbacks=[ckpt, log])\n"
        "model.load_weights('best.h5')\n"
    )
    flow = flow_of({"train.py": source})
    assert not flow.problems
    assert flow.steps[0].writes == ("best.h5", "logs/train.csv")


def test_a_function_handed_to_an_executor_or_a_thread_runs_with_its_arguments() -> None:
    """asheshrambachan/rsv_replication: `executor.submit(download, url, path)` downloads the Hansen tiles,
    which were inputs "not in this folder"; a `Thread(target=..., args=...)` runs its function the same
    way."""
    source = (
        "import threading\nfrom concurrent.futures import ThreadPoolExecutor\n"
        "def download(url, path):\n    with open(path, 'wb') as f:\n        f.write(b'')\n"
        "with ThreadPoolExecutor(4) as ex:\n    ex.submit(download, 'https://x.org/t1', 'tiles/t1.tif')\n"
        "t = threading.Thread(target=download, args=('https://x.org/t2', 'tiles/t2.tif'))\n"
        "th = threading.Thread(target=download, kwargs={'url': 'u', 'path': 'tiles/t3.tif'})\n"
    )
    flow = flow_of({"get.py": source, "use.py": "open('tiles/t1.tif', 'rb')\n"})
    assert flow.step("get.py").writes == ("tiles/t1.tif", "tiles/t2.tif", "tiles/t3.tif")  # type: ignore[union-attr]
    assert flow.problems == ()


def test_pathlib_methods_called_on_the_class_with_the_path_first() -> None:
    """manuel-alvarez-chaves/variational_hydrology: `with Path.open(path / "config.yml", "w")` wrote the
    configs another script reads, unseen, so that read was a false missing input."""
    flow = flow_of(
        {
            "make.py": (
                "import json\nfrom pathlib import Path\n"
                "with Path.open(Path('out') / 'config.json', 'w') as f:\n    json.dump({'a': 1}, f)\n"
                "Path.write_text(Path('out') / 'note.txt', 'x')\n"
            ),
            "use.py": (
                "import json, pathlib\nwith pathlib.Path.open(pathlib.Path('out') / 'config.json') as f:\n"
                "    cfg = json.load(f)\nwith (pathlib.Path('out') / 'config.json').open('r') as f:\n"
                "    cfg2 = json.load(f)\nprint(pathlib.Path.read_text(pathlib.Path('out/note.txt')))\n"
            ),
        }
    )
    assert flow.problems == ()
    assert io(flow, "make.py") == [("write", "out/config.json"), ("write", "out/note.txt")]
    reads = [("read", "out/config.json"), ("read", "out/config.json"), ("read", "out/note.txt")]
    assert io(flow, "use.py") == reads


def test_a_log_file_is_written() -> None:
    """Seishou0724/2026-ncomms-analysis-code: `logging.FileHandler(log_file)` in each of 30 scripts wrote a
    log, unseen; `logging.basicConfig(filename=...)` the same, and without a file name the log goes to
    the terminal."""
    source = (
        "import logging\nimport pandas as pd\n"
        "logging.basicConfig(handlers=[logging.FileHandler('results/run.log')], level=logging.INFO)\n"
        "logging.basicConfig(filename='results/other.log')\nlogging.basicConfig(level=logging.DEBUG)\n"
        "from logging.handlers import RotatingFileHandler\nh = RotatingFileHandler('logs/r.log', 'a')\n"
        "df = pd.read_csv('data.csv')\ndf.to_csv('results/out.csv')\n"
    )
    flow = flow_of({"run.py": source, "data.csv": "a\n"})
    assert flow.steps[0].writes == ("logs/r.log", "results/other.log", "results/out.csv", "results/run.log")


def test_fits_files_through_pyfits_the_old_name_of_astropy_io_fits() -> None:
    """jfoster17/malt90-analysis-code: `pyfits.getdata(...)` read the noise maps, unseen, while the same
    call through `astropy.io.fits` was found."""
    source = (
        "import os\nimport pyfits\nfrom astropy.io import fits\n"
        "d1 = pyfits.getdata(os.path.join('maps', 'a_emap.fits'))\n"
        "d2 = fits.getdata(os.path.join('maps', 'b_emap.fits'))\nh = pyfits.open('maps/c.fits')\n"
        "pyfits.writeto('out.fits', d1)\n"
    )
    flow = flow_of({"run.py": source})
    assert flow.steps[0].reads == ("maps/a_emap.fits", "maps/b_emap.fits", "maps/c.fits")
    assert flow.steps[0].writes == ("out.fits",)


def test_cf_python_fields_read_and_written() -> None:
    """dlrhodson/canari-ocean-paper: `cf.read(dir + '...nc')` read five model outputs on the author's
    computer, unseen (no SHR111); `cf.write(field, path)` writes its second argument."""
    source = "import cf\nf = cf.read('/home/users/me/data/sst_*.nc')\ncf.write(f[0], 'sst_mean.nc')\n"
    flow = flow_of({"a.py": source, "b.py": "import cf\ncf.read(['sst_mean.nc'])\n"})
    uses = [("read", "/home/users/me/data/sst_*.nc"), ("write", "sst_mean.nc"), ("read", "sst_mean.nc")]
    assert io(flow) == uses
    assert [(p.code, p.target) for p in flow.problems] == [("SHR111", "/home/users/me/data/sst_*.nc")]


def test_an_astropy_table_made_empty_or_from_rows_writes_a_file_of_any_ending() -> None:
    """desihub/spectropaper-code: `res = Table()`, its columns set, then `res.write("telemetry.csv",
    overwrite=True)` wrote the table the plots read, unseen (only FITS and AnnData endings counted); a
    `write` on an object of unknown kind still names no file."""
    source = (
        "from astropy.table import Table, QTable\nres = Table()\nres['a'] = [1, 2]\n"
        "res.write('telemetry.csv', overwrite=True)\nq = QTable(rows=[(1, 2)], names=('a', 'b'))\n"
        "q.write('q.ecsv.txt')\nTable.read('telemetry.csv').write('copy.csv')\n"
        "other = make()\nother.write('note.csv')\n"
    )
    flow = flow_of({"db.py": source})
    assert io(flow) == [
        ("write", "telemetry.csv"),
        ("write", "q.ecsv.txt"),
        ("write", "copy.csv"),
        ("read", "telemetry.csv"),
    ]


def test_the_usual_aliases_in_a_fragment_pasted_without_its_imports() -> None:
    """Victor-EN2025/Seasonal-Ocean-Analysis-Gulf-of-Guinea: a script with no imports read two files with
    `xr.open_dataset(...)`, unseen, while its `pd.read_csv` and `plt.savefig` were found; a name the file
    binds itself keeps its own meaning."""
    source = (
        "ds = xr.open_dataset('/mnt/e/data/sst.nc')\ndf = pd.read_csv('table.csv')\nx = np.load('a.npy')\n"
        "plt.savefig('b.png')\ng = gpd.read_file('d.shp')\ns = sio.loadmat('e.mat')\nf = h5py.File('f.h5')\n"
    )
    assert io(flow_of({"a.py": source})) == [
        ("read", "/mnt/e/data/sst.nc"),
        ("read", "table.csv"),
        ("read", "a.npy"),
        ("write", "b.png"),
        ("read", "d.shp"),
        ("read", "e.mat"),
        ("read", "f.h5"),
    ]
    own = "import mylib as np\nnp.load('a.npy')\ndef f(xr):\n    xr.open_dataset('b.nc')\n"
    assert io(flow_of({"a.py": own})) == []


def test_a_config_parser_reads_its_files_when_they_are_there() -> None:
    """MehrnooshTahani/MC-BLOS: `settings = ConfigParser(); settings.read('configStartSettings.ini')` in the
    helper every step imports read the settings a first step writes, unseen (the file seemed read by
    nobody). `read` skips a missing file without a word: never a missing input. `read` of anything else
    is no file access."""
    files = {
        "lib/config.py": (
            "from configparser import ConfigParser\nsettings = ConfigParser()\n"
            "settings.read('settings.ini')\n"
        ),
        "00_make_config.py": "with open('settings.ini', 'w') as f:\n    f.write('[Paths]\\n')\n",
        "01_run.py": (
            "import configparser\nimport lib.config\np = configparser.RawConfigParser()\n"
            "p.read(['extra.ini', 'more.ini'])\ntext = sys.stdin.read()\n"
        ),
    }
    flow = flow_of(files)
    assert [(s.path, s.reads, s.after) for s in flow.steps] == [
        ("00_make_config.py", (), ()),
        ("01_run.py", ("extra.ini", "more.ini", "settings.ini"), ("00_make_config.py",)),
    ]
    assert flow.problems == ()
    assert flow.inputs == ()  # (read only when there: REPRODUCE.md lists them so)
