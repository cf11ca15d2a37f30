"""Which calls read or write a file, where their path argument is, and the conventions they follow.

Two tables: :data:`FUNCTIONS` by fully qualified name (``numpy.save``: the scanner follows import aliases,
so ``np.save`` after ``import numpy as np`` is found here), and :data:`METHODS` by method name for calls
on objects whose type a static reader cannot know (``df.to_csv``, ``fig.savefig``, ``ds.to_netcdf``).
Method names are only listed when they are distinctive enough; the generic ``.save`` counts only when its
path has a file extension (PIL's ``Image.save``, Keras's ``model.save``, an animation's ``save``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: ``command``: the argument is a shell command (its words say what it makes, see :mod:`._shell`);
#: ``tree``: an archive is unpacked into the folder (any file under it may appear: a soft write)
#: ``local``: the argument names a file or folder only when written as a path (``/models/x``, ``./x``),
#: else a name the library fetches (``from_pretrained("bert-base-uncased")``); ``anndata``: a file only
#: with an AnnData ending (``adata.write("x.h5ad")``; ``f.write(text)`` writes text, not a file)
Convention = Literal[
    "npy", "npz", "savefig", "mat", "mat-added", "into-folder", "command", "tree", "local", "anndata",
    "listing", "uri", "if-there",
]
ModeTable = Literal["open", "h5py", "netcdf", "memmap", "hdfstore", "imopen", "zip"]


@dataclass(frozen=True)
class Arg:
    """One path argument of a call: its position and keyword, what the call does with it."""

    access: Literal["read", "write", "mode", "command"]  #: ``mode``: decided by the call's mode argument
    position: int  #: -1: the object the method is called on (``Path(...).read_text()``)
    keywords: tuple[str, ...] = ()
    convention: Convention | None = None
    glob: bool = False  #: the argument is a glob pattern (``xr.open_mfdataset("data/*.nc")``)
    list_ok: bool = False  #: a list of paths is accepted (``open_mfdataset([...])``)
    needs_suffix: bool = False  #: count it only when the path has a file extension (generic methods)
    mode_position: int | None = None
    mode_keyword: str = "mode"
    default_mode: str = "r"
    mode_table: ModeTable = "open"
    path_receiver: bool = False  #: a method that is only a file access on a ``pathlib.Path``
    default: str | None = None  #: the path when the argument is not given (``extractall()``: ".")


def _r(position: int = 0, *keywords: str, **kw: object) -> Arg:
    return Arg("read", position, keywords, **kw)  # type: ignore[arg-type]


def _w(position: int = 0, *keywords: str, **kw: object) -> Arg:
    return Arg("write", position, keywords, **kw)  # type: ignore[arg-type]


def _m(
    position: int, keyword: str, mode_position: int | None, default: str, table: ModeTable, **kw: object
) -> Arg:
    return Arg(
        "mode",
        position,
        (keyword,),
        mode_position=mode_position,
        default_mode=default,
        mode_table=table,
        **kw,  # type: ignore[arg-type]
    )


_OPEN = _m(0, "file", 1, "r", "open")
_COMMAND = (Arg("command", 0, ("args", "command", "cmd"), convention="command"),)
_UNPACK = (_w(0, "path", convention="tree", default="."),)
_COPY = (_r(0, "src"), _w(1, "dst", convention="into-folder"))
_RENAME = (_r(0, "src"), _w(1, "dst"))

_PANDAS_READ = {
    "read_csv": "filepath_or_buffer",
    "read_table": "filepath_or_buffer",
    "read_fwf": "filepath_or_buffer",
    "read_excel": "io",
    "read_json": "path_or_buf",
    "read_parquet": "path",
    "read_feather": "path",
    "read_orc": "path",
    "read_hdf": "path_or_buf",
    "read_pickle": "filepath_or_buffer",
    "read_stata": "filepath_or_buffer",
    "read_sas": "filepath_or_buffer",
    "read_spss": "path",
    "read_xml": "path_or_buffer",
    "read_html": "io",
}
_IMAGEIO_READ = ("imread", "mimread", "volread", "mvolread", "get_reader")
_IMAGEIO_WRITE = ("imwrite", "imsave", "mimwrite", "mimsave", "volwrite", "volsave", "mvolwrite", "mvolsave")

#: file formats networkx reads and writes with ``read_<format>`` / ``write_<format>``
_NETWORKX_FORMATS = ("graphml", "gexf", "gml", "edgelist", "adjlist", "pajek")

#: nibabel's FreeSurfer readers and writers (the path comes first)
_FREESURFER_READ = ("read_annot", "read_geometry", "read_morph_data", "read_label")
_FREESURFER_WRITE = ("write_annot", "write_geometry", "write_morph_data")

FUNCTIONS: dict[str, tuple[Arg, ...]] = {
    # files through open(); json, pickle and csv read and write through these
    "builtins.open": (_OPEN,),
    "io.open": (_OPEN,),
    "codecs.open": (_m(0, "filename", 1, "r", "open"),),
    "gzip.open": (_m(0, "filename", 1, "rb", "open"),),
    "bz2.open": (_m(0, "filename", 1, "rb", "open"),),
    "lzma.open": (_m(0, "filename", 1, "rb", "open"),),
    "gzip.GzipFile": (_m(0, "filename", 1, "rb", "open"),),
    "bz2.BZ2File": (_m(0, "filename", 1, "r", "open"),),
    "tarfile.open": (_m(0, "name", 1, "r", "zip"),),
    "zipfile.ZipFile": (_m(0, "file", 1, "r", "zip"),),
    "urllib.request.urlretrieve": (_w(1, "filename"),),
    "wget.download": (_w(1, "out"),),  # the `wget` package (trVAE_reproducibility's DataDownloader)
    "shutil.unpack_archive": (_r(0, "filename"), _w(1, "extract_dir", convention="tree", default=".")),
    # pathlib's methods called on the class, the path first (manuel-alvarez-chaves/variational_hydrology:
    # `with Path.open(path / "config.yml", "w")` wrote the configs another script read, unseen)
    "pathlib.Path.open": (_m(0, "self", 1, "r", "open"),),
    "pathlib.Path.read_text": (_r(0, "self"),),
    "pathlib.Path.read_bytes": (_r(0, "self"),),
    "pathlib.Path.write_text": (_w(0, "self"),),
    "pathlib.Path.write_bytes": (_w(0, "self"),),
    "pathlib.Path.touch": (_w(0, "self"),),
    # log files (Seishou0724/2026-ncomms-analysis-code: each of 30 scripts wrote a `.log`, unseen)
    # (they add to the file, `mode="a"`, unless told otherwise: several steps may log into one file;
    # dmbrmv/my_dissertation's scripts and notebooks share `logs/PhDLogger.log`)
    "logging.FileHandler": (_m(0, "filename", 1, "a", "open"),),
    "logging.handlers.RotatingFileHandler": (_m(0, "filename", 1, "a", "open"),),
    "logging.handlers.TimedRotatingFileHandler": (_m(0, "filename", None, "a", "open"),),
    "logging.handlers.WatchedFileHandler": (_m(0, "filename", 1, "a", "open"),),
    # (`filename=` only; without it the log goes to stderr)
    "logging.basicConfig": (_m(99, "filename", None, "a", "open", mode_keyword="filemode"),),
    # shell commands: what they make is read from their words
    "os.system": _COMMAND,
    "os.popen": _COMMAND,
    "subprocess.run": _COMMAND,
    "subprocess.call": _COMMAND,
    "subprocess.check_call": _COMMAND,
    "subprocess.check_output": _COMMAND,
    "subprocess.Popen": _COMMAND,
    "subprocess.getoutput": _COMMAND,
    "subprocess.getstatusoutput": _COMMAND,
    "sarge.run": _COMMAND,
    "sarge.capture_stdout": _COMMAND,
    "sarge.capture_both": _COMMAND,
    # copies and moves: the source is read, the destination written (into it when it is a folder)
    "shutil.copy": _COPY,
    "shutil.copy2": _COPY,
    "shutil.copyfile": _RENAME,
    "shutil.copytree": _RENAME,
    "shutil.move": _COPY,
    "os.rename": _RENAME,
    "os.replace": _RENAME,
    # numpy: save adds .npy and savez .npz when the name lacks it (numpy's documented behaviour)
    "numpy.load": (_r(0, "file"),),
    "numpy.save": (_w(0, "file", convention="npy"),),
    "numpy.savez": (_w(0, "file", convention="npz"),),
    "numpy.savez_compressed": (_w(0, "file", convention="npz"),),
    "numpy.loadtxt": (_r(0, "fname"),),
    "numpy.savetxt": (_w(0, "fname"),),
    "numpy.genfromtxt": (_r(0, "fname"),),
    "numpy.fromfile": (_r(0, "file"),),
    "numpy.fromregex": (_r(0, "file"),),
    "numpy.memmap": (_m(0, "filename", 2, "r+", "memmap"),),
    "numpy.lib.format.open_memmap": (_m(0, "filename", 1, "r+", "memmap"),),
    # pandas (read_* also match as methods of any object below: dask, polars, modin)
    **{f"pandas.{name}": (_r(0, kw),) for name, kw in _PANDAS_READ.items()},
    "pandas.ExcelFile": (_r(0, "path_or_buffer"),),
    "pandas.to_pickle": (_w(1, "filepath_or_buffer"),),
    "pandas.ExcelWriter": (_w(0, "path"),),
    "pandas.HDFStore": (_m(0, "path", 1, "", "hdfstore"),),
    "geopandas.read_file": (_r(0, "filename"),),
    "geopandas.read_parquet": (_r(0, "path"),),
    "geopandas.read_feather": (_r(0, "path"),),
    "cartopy.io.shapereader.Reader": (_r(0, "filename"),),  # shapefiles for maps
    "shapefile.Reader": (_r(0, "shp"),),  # pyshp
    "shapefile.Writer": (_w(0, "target"),),
    "fiona.open": (_m(0, "fp", 1, "r", "open"),),
    # graphs: networkx's readers and writers (the graph first, then the path), graph-tool's drawings
    **{f"networkx.write_{n}": (_w(1, "path"),) for n in _NETWORKX_FORMATS},
    **{f"networkx.read_{n}": (_r(0, "path"),) for n in _NETWORKX_FORMATS},
    "networkx.drawing.nx_agraph.write_dot": (_w(1, "path"),),
    "networkx.drawing.nx_pydot.write_dot": (_w(1, "path"),),
    "networkx.nx_agraph.write_dot": (_w(1, "path"),),
    "networkx.nx_pydot.write_dot": (_w(1, "path"),),
    "graph_tool.draw.graph_draw": (_w(99, "output"),),  # (`output=` only)
    "pyarrow.parquet.read_table": (_r(0, "source"),),
    "pyarrow.parquet.write_table": (_w(1, "where"),),
    # matplotlib: savefig is a method below (plt.savefig and fig.savefig alike)
    "matplotlib.pyplot.savefig": (_w(0, "fname", convention="savefig"),),
    "pylab.savefig": (_w(0, "fname", convention="savefig"),),
    "matplotlib.pylab.savefig": (_w(0, "fname", convention="savefig"),),
    "matplotlib.pyplot.imsave": (_w(0, "fname"),),
    "matplotlib.pyplot.imread": (_r(0, "fname"),),
    "matplotlib.image.imsave": (_w(0, "fname"),),
    "matplotlib.image.imread": (_r(0, "fname"),),
    "matplotlib.backends.backend_pdf.PdfPages": (_w(0, "filename"),),
    # a style sheet by its path (`plt.style.use("../paper.mplstyle")`; a style's name has no extension)
    "matplotlib.pyplot.style.use": (_r(0, "style", needs_suffix=True),),
    "matplotlib.style.use": (_r(0, "style", needs_suffix=True),),
    # a font file (syedarehaq/diversify_netsci_paper_analysis: `FontProperties(fname='/Users/.../Myriad.ttf')`
    # stops the figure scripts on any other computer)
    "matplotlib.font_manager.FontProperties": (_r(6, "fname"),),
    "matplotlib.font_manager.fontManager.addfont": (_r(0, "path"),),
    "matplotlib.font_manager.FontManager.addfont": (_r(1, "path"),),
    # OpenMDAO: the model's diagram (an HTML page, `n2.html` unless `outfile=` says) and its run recorder
    "openmdao.api.n2": (_w(99, "outfile", default="n2.html"),),
    "openmdao.api.SqliteRecorder": (_w(0, "filepath"),),
    # xarray and friends
    "xarray.open_dataset": (_r(0, "filename_or_obj"),),
    "xarray.open_dataarray": (_r(0, "filename_or_obj"),),
    "xarray.load_dataset": (_r(0, "filename_or_obj"),),
    "xarray.load_dataarray": (_r(0, "filename_or_obj"),),
    "xarray.open_datatree": (_r(0, "filename_or_obj"),),
    # the files a pattern finds: the script looks at them, and runs after the steps that make them (a read
    # that need not find any: KISRDevelopment's exp_perf.py globbed what two generators write)
    "glob.glob": (_r(0, "pathname", glob=True, convention="listing"),),
    "glob.iglob": (_r(0, "pathname", glob=True, convention="listing"),),
    "xarray.open_mfdataset": (_r(0, "paths", glob=True, list_ok=True),),
    "xarray.open_zarr": (_r(0, "store"),),
    "rioxarray.open_rasterio": (_r(0, "filename"),),
    "rasterio.open": (_m(0, "fp", 1, "r", "open"),),
    "h5py.File": (_m(0, "name", 1, "r", "h5py"),),
    "netCDF4.Dataset": (_m(0, "filename", 1, "r", "netcdf"),),
    "netCDF4.MFDataset": (_r(0, "files", glob=True, list_ok=True),),
    # images
    "PIL.Image.open": (_r(0, "fp"),),
    **{f"imageio.{n}": (_r(0, "uri"),) for n in _IMAGEIO_READ},
    **{f"imageio.v2.{n}": (_r(0, "uri"),) for n in _IMAGEIO_READ},
    **{f"imageio.{n}": (_w(0, "uri"),) for n in _IMAGEIO_WRITE},
    **{f"imageio.v2.{n}": (_w(0, "uri"),) for n in _IMAGEIO_WRITE},
    "imageio.get_writer": (_w(0, "uri"),),
    "imageio.v2.get_writer": (_w(0, "uri"),),
    "imageio.v3.imread": (_r(0, "uri"),),
    "imageio.v3.imiter": (_r(0, "uri"),),
    "imageio.v3.improps": (_r(0, "uri"),),
    "imageio.v3.immeta": (_r(0, "uri"),),
    "imageio.v3.imwrite": (_w(0, "uri"),),
    "imageio.v3.imopen": (_m(0, "uri", 1, "", "imopen"),),
    "skimage.io.imread": (_r(0, "fname"),),
    "skimage.io.imsave": (_w(0, "fname"),),
    "cv2.imread": (_r(0, "filename"),),
    "cv2.imwrite": (_w(0, "filename"),),
    # videos (jakeormond/robot_maze_analysis_code); a camera's number is no path, and is left out
    "cv2.VideoCapture": (_r(0, "filename", needs_suffix=True),),
    "cv2.VideoWriter": (_w(0, "filename", needs_suffix=True),),
    # Hi-C and genome tracks (ahansenlab/cleopatra_analysis_code, jjusuf2/AbsQuant_analysis_code)
    "cooler.Cooler": (_r(0, "store", convention="uri"),),  # (`x.mcool::/resolutions/1000`: the file)
    "cooler.create_cooler": (_w(0, "cool_uri", convention="uri"),),
    "pyBigWig.open": (_m(0, "", 1, "r", "open"),),
    # HoloViews and Bokeh (pynucastro's paper notebooks: about ten figures made with `hv.save`)
    "holoviews.save": (_w(1, "filename"),),
    "holoviews.util.save": (_w(1, "filename"),),
    "bokeh.io.save": (_w(1, "filename"),),
    "bokeh.plotting.save": (_w(1, "filename"),),
    "bokeh.io.output_file": (_w(0, "filename"),),
    "bokeh.plotting.output_file": (_w(0, "filename"),),
    "bokeh.io.export_png": (_w(1, "filename"),),
    "bokeh.io.export_svg": (_w(1, "filename"),),
    "tifffile.imread": (_r(0, "files"),),
    "tifffile.TiffFile": (_r(0, "arg"),),  # (jmuhlich/ashlar-paper-figures' 18 input images)
    "tifffile.TiffWriter": (_w(0, "file"),),
    "tifffile.imwrite": (_w(0, "file"),),
    "tifffile.imsave": (_w(0, "file"),),
    # scipy.io: loadmat tries the name, then the name with .mat added; savemat writes the name as given
    "scipy.io.loadmat": (_r(0, "file_name", convention="mat"),),
    "scipy.io.savemat": (_w(0, "file_name"),),
    "scipy.io.whosmat": (_r(0, "file_name", convention="mat"),),
    # (the same functions through their public submodule: mh105/PLOS_compbiol_switching_paper_analysis)
    "scipy.io.matlab.loadmat": (_r(0, "file_name", convention="mat"),),
    "scipy.io.matlab.savemat": (_w(0, "file_name"),),
    "scipy.io.matlab.whosmat": (_r(0, "file_name", convention="mat"),),
    # hdf5storage (MATLAB 7.3 files): both add .mat to a name without it (PaulaPflitsch/SleepPaper_code2023);
    # read and write take `filename` (third and second, before 0.2), "data.h5" when not given
    "hdf5storage.loadmat": (_r(0, "file_name", convention="mat-added"),),
    "hdf5storage.savemat": (_w(0, "file_name", convention="mat-added"),),
    "hdf5storage.read": (_r(1, "filename", default="data.h5"),),
    "hdf5storage.write": (_w(2, "filename", default="data.h5"),),
    # R's data files (TonyTran03/synthetic_data_paper_code: the one data file of the paper)
    "pyreadr.read_r": (_r(0, "path"),),
    "pyreadr.list_objects": (_r(0, "path"),),
    "pyreadr.read_metadata": (_r(0, "path"),),
    "pyreadr.write_rdata": (_w(0, "path"),),
    "pyreadr.write_rds": (_w(0, "path"),),
    "pyreadr.download_file": (_w(1, "destination_path"),),
    # Keras models (MAPS: `model.save(p)` was seen, `load_model(p)` not: no order between the steps)
    **{
        f"{base}.{name}": (_r(0, "filepath"),)
        for base in ("tensorflow.keras.models", "keras.models", "keras.saving", "tensorflow.keras.saving")
        for name in ("load_model",)
    },
    # what a Keras fit writes as it goes (fyz11/LightSheetPaper_Code: the weights `load_weights` reads)
    **{
        f"{base}.callbacks.{name}": (_w(0, key),)
        for base in ("tensorflow.keras", "keras")
        for name, key in (("ModelCheckpoint", "filepath"), ("CSVLogger", "filename"))
    },
    # meshes (lodurality/GEM3D_paper_code); a mesh's `export(path)` is with the methods
    "trimesh.load": (_r(0, "file_obj"),),
    "trimesh.load_mesh": (_r(0, "file_obj"),),
    "scipy.io.readsav": (_r(0, "file_name"),),
    "scipy.io.mmread": (_r(0, "source"),),
    "scipy.io.mmwrite": (_w(0, "target"),),
    "scipy.io.wavfile.read": (_r(0, "filename"),),
    "scipy.io.wavfile.write": (_w(0, "filename"),),
    "soundfile.read": (_r(0, "file"),),
    "soundfile.write": (_w(0, "file"),),
    "librosa.load": (_r(0, "path"),),
    # models and objects
    "torch.save": (_w(1, "f"),),
    "torch.load": (_r(0, "f"),),
    "joblib.dump": (_w(1, "filename"),),
    "joblib.load": (_r(0, "filename"),),
    # a settings file OmegaConf reads or writes (its values: see the trace's settings files)
    "omegaconf.OmegaConf.load": (_r(0, "file_"),),
    "omegaconf.OmegaConf.save": (_w(1, "f"),),
    "sklearn.externals.joblib.dump": (_w(1, "filename"),),
    "sklearn.externals.joblib.load": (_r(0, "filename"),),
    "nibabel.load": (_r(0, "filename"),),
    "nibabel.save": (_w(1, "filename"),),
    # FreeSurfer surfaces and annotations, and nilearn's loaders (individual-brain-charting's
    # `lh.HCPMMP1.annot`, unseen)
    **{f"nibabel.freesurfer.{m}": (_r(0, "filepath"),) for m in _FREESURFER_READ},
    **{f"nibabel.freesurfer.io.{m}": (_r(0, "filepath"),) for m in _FREESURFER_READ},
    **{f"nibabel.freesurfer.{m}": (_w(0, "filepath"),) for m in _FREESURFER_WRITE},
    **{f"nibabel.freesurfer.io.{m}": (_w(0, "filepath"),) for m in _FREESURFER_WRITE},
    "nilearn.image.load_img": (_r(0, "img", needs_suffix=True),),
    "pybedtools.BedTool": (_r(0, "fn", needs_suffix=True),),
    "nilearn.surface.load_surf_data": (_r(0, "surf_data", needs_suffix=True),),
    "nilearn.surface.load_surf_mesh": (_r(0, "surf_mesh", needs_suffix=True),),
    # atomistic simulations (mstapelberg/active_learning_paper_analysis: ASE's read and write, pymatgen's
    # VASP outputs, unseen)
    "ase.io.read": (_r(0, "filename"),),
    "ase.io.iread": (_r(0, "filename"),),
    "ase.io.write": (_w(0, "filename"),),
    "pymatgen.io.vasp.Outcar": (_r(0, "filename"),),
    "pymatgen.io.vasp.outputs.Outcar": (_r(0, "filename"),),
    "pymatgen.io.vasp.Vasprun": (_r(0, "filename"),),
    "pymatgen.io.vasp.outputs.Vasprun": (_r(0, "filename"),),
    "pymatgen.core.Structure.from_file": (_r(0, "filename"),),
    "pymatgen.core.structure.Structure.from_file": (_r(0, "filename"),),
    "astropy.io.fits.open": (_r(0, "name"),),
    "astropy.io.fits.getdata": (_r(0, "filename"),),
    "astropy.io.fits.writeto": (_w(0, "filename"),),
    "astropy.table.Table.read": (_r(0),),
    "astropy.table.QTable.read": (_r(0),),
    "astropy.io.fits.getheader": (_r(0, "filename"),),
    # astropy's text tables (StanBarmentloo/NII_nebular_phase: `ascii.read(path)` of the model spectra
    # three notebooks plot, unseen)
    "astropy.io.ascii.read": (_r(0, "table"),),
    "astropy.io.ascii.write": (_w(1, "output"),),
    # AMUSE's particle sets (spzwart/JuMBOs-paper: the snapshots run_cluster.py writes and six analysis
    # scripts read, unseen), from amuse.io or the amuse.lab everything-module
    "amuse.io.read_set_from_file": (_r(0, "filename"),),
    "amuse.io.write_set_to_file": (_w(1, "filename"),),
    "amuse.io.base.read_set_from_file": (_r(0, "filename"),),
    "amuse.io.base.write_set_to_file": (_w(1, "filename"),),
    "amuse.lab.read_set_from_file": (_r(0, "filename"),),
    "amuse.lab.write_set_to_file": (_w(1, "filename"),),
    # pyfits, astropy.io.fits's old name with the same functions (jfoster17/malt90-analysis-code's maps)
    "pyfits.open": (_r(0, "name"),),
    "pyfits.getdata": (_r(0, "filename"),),
    "pyfits.getheader": (_r(0, "filename"),),
    "pyfits.writeto": (_w(0, "filename"),),
    # fitsio (desihub/spectropaper-code: its main reader and writer, unseen)
    "aplpy.FITSFigure": (_r(0, "data", needs_suffix=True),),
    "fitsio.read": (_r(0, "filename"),),
    "fitsio.read_header": (_r(0, "filename"),),
    "fitsio.write": (_w(0, "filename"),),
    # EEG and MEG recordings and MNE's own files (JamesDowsettNeuroscience/flicker_analysis_code: the raw
    # `.vhdr` files `mne.io.read_raw_brainvision` reads were no inputs)
    **{
        f"mne.io.read_raw_{kind}": (_r(0, "vhdr_fname", "fname", "input_fname"),)
        for kind in ("brainvision", "fif", "edf", "bdf", "gdf", "eeglab", "cnt", "nirx", "snirf", "egi")
    },
    "mne.io.read_raw": (_r(0, "fname"),),
    "mne.read_epochs": (_r(0, "fname"),),
    "mne.read_evokeds": (_r(0, "fname"),),
    "mne.read_epochs_eeglab": (_r(0, "input_fname"),),
    # electrophysiology recordings (spikeinterface's extractors: Guangmiao-jin/rgc-transplantation's
    # one input, `se.read_biocam("....brw")`, was unseen)
    **{
        f"spikeinterface.{module}.read_{kind}": (_r(0, "file_path", "file_paths"),)
        for module in ("extractors", "full")
        for kind in ("biocam", "intan", "nwb", "binary", "mearec", "maxwell", "mcsh5", "spike2", "plexon")
    },
    "sunpy.map.Map": (_r(0),),  # a file's name (or data and a header: no path, nothing read)
    "sunpy.timeseries.TimeSeries": (_r(0),),
    # single-cell data (scanpy, anndata): readers by path; `adata.write_h5ad(...)` is a method below
    **{f"scanpy.{n}": (_r(0, "filename"),) for n in ("read", "read_h5ad", "read_10x_h5", "read_loom")},
    **{f"scanpy.{n}": (_r(0, "path"),) for n in ("read_10x_mtx", "read_visium")},
    **{f"anndata.{n}": (_r(0, "filename"),) for n in ("read", "read_h5ad", "read_loom", "read_zarr")},
    "scanpy.write": (_w(0, "filename"),),
    "torchvision.utils.save_image": (_w(1, "fp"),),
    # a folder of images, one subfolder per class (BioroboticsLab/IBA-paper-code: ImageNet unseen)
    "torchvision.datasets.ImageFolder": (_r(0, "root"),),
    "torchvision.datasets.DatasetFolder": (_r(0, "root"),),
    # sequencing files (JMencius/MethQC-paper-code: a reference genome read with pysam, unseen)
    "pysam.FastaFile": (_r(0, "filename"),),
    "pysam.FastxFile": (_r(0, "filename"),),
    "pysam.TabixFile": (_r(0, "filename"),),
    "pysam.AlignmentFile": (_m(0, "filename", 1, "r", "open"),),
    "pysam.VariantFile": (_m(0, "filename", 1, "r", "open"),),
    "spacepy.pycdf.CDF": (_r(0, "pathname"),),
    # sequences and alignments (Biopython): a file name or an open file, and its format
    **{f"Bio.{m}.{n}": (_r(0, "handle"),) for m in ("SeqIO", "AlignIO") for n in ("parse", "read")},
    **{f"Bio.{m}.write": (_w(1, "handle"),) for m in ("SeqIO", "AlignIO")},
    **{f"Bio.{m}.convert": (_r(0, "in_file"), _w(2, "out_file")) for m in ("SeqIO", "AlignIO")},
    "Bio.SeqIO.index": (_r(0, "filename"),),
    "Bio.Phylo.read": (_r(0, "file"),),
    "Bio.Phylo.parse": (_r(0, "file"),),
    "Bio.Phylo.write": (_w(1, "file"),),
    # climate and weather cubes (Iris): a file name, a glob pattern or a list of them
    **{
        f"iris.{n}": (_r(0, "uris", glob=True, list_ok=True),)
        for n in ("load", "load_cube", "load_cubes", "load_raw")
    },
    "iris.save": (_w(1, "target"),),
    # cf-python's fields (dlrhodson/canari-ocean-paper: five model outputs read with `cf.read`, unseen)
    "cf.read": (_r(0, "files", glob=True, list_ok=True),),
    "cf.write": (_w(1, "filename"),),
    # molecular dynamics (OpenMM): a structure read, and the reporters that write a file as it runs
    **{
        f"{pkg}.app.{n}": (_r(0, "file"),)
        for pkg in ("openmm", "simtk.openmm")
        for n in ("PDBFile", "PDBxFile", "GromacsGroFile", "AmberPrmtopFile", "CharmmPsfFile")
    },
    **{
        f"{pkg}.app.{n}": (_w(0, "file"),)
        for pkg in ("openmm", "simtk.openmm")
        for n in ("StateDataReporter", "PDBReporter", "DCDReporter", "PDBxReporter", "CheckpointReporter")
    },
}
# pylab re-exports numpy and pyplot; `from pylab import *` is common in older scripts
for _name in ("load", "save", "savez", "loadtxt", "savetxt", "genfromtxt", "fromfile", "imsave", "imread"):
    _src = FUNCTIONS.get(f"numpy.{_name}") or FUNCTIONS.get(f"matplotlib.pyplot.{_name}")
    if _src:
        FUNCTIONS[f"pylab.{_name}"] = _src
        FUNCTIONS[f"matplotlib.pylab.{_name}"] = _src
for _name in ("imsave", "imread"):
    FUNCTIONS[f"matplotlib.pyplot.{_name}"] = FUNCTIONS[f"matplotlib.image.{_name}"]

_DATAFRAME_WRITE = {
    "to_csv": "path_or_buf",
    "to_excel": "excel_writer",
    "to_json": "path_or_buf",
    "to_parquet": "path",
    "to_feather": "path",
    "to_hdf": "path_or_buf",
    "to_pickle": "path",
    "to_stata": "path",
    "to_orc": "path",
    "to_xml": "path_or_buffer",
    "to_html": "buf",
    "to_latex": "buf",
    "to_markdown": "buf",
}
_POLARS_WRITE = (
    "write_csv",
    "write_parquet",
    "write_ipc",
    "write_json",
    "write_ndjson",
    "write_excel",
    "write_avro",
    "sink_parquet",
    "sink_csv",
    "sink_ipc",
)
_POLARS_READ = ("read_ipc", "read_ndjson", "read_avro", "scan_csv", "scan_parquet", "scan_ipc", "scan_ndjson")

METHODS: dict[str, tuple[Arg, ...]] = {
    **{name: (_w(0, kw),) for name, kw in _DATAFRAME_WRITE.items()},
    **{name: (_r(0, kw),) for name, kw in _PANDAS_READ.items()},
    **{name: (_w(0, "file", "path"),) for name in _POLARS_WRITE},
    **{name: (_r(0, "source"),) for name in _POLARS_READ},
    "to_netcdf": (_w(0, "path"),),
    "to_zarr": (_w(0, "store"),),
    "to_file": (_w(0, "filename"),),  # geopandas
    # pybedtools' intervals (ahansenlab/cleopatra_analysis_code's loops, unseen)
    "saveas": (_w(0, "fn", needs_suffix=True),),
    # a nibabel or nilearn image (janbrascamp, individual-brain-charting: the GLMs' z maps, 90 calls)
    "to_filename": (_w(0, "filename"),),
    "savefig": (_w(0, "fname", convention="savefig"),),
    # plotting helpers' own savers (stylia, ...): a figure's path, counted when it has an extension
    "save_figure": (_w(0, "fname", "filename", "path", needs_suffix=True),),
    "tofile": (_w(0, "fid"),),
    "save": (_w(0, "fp", "filename", "filepath", "path", needs_suffix=True),),
    "writeto": (_w(0, "fileobj", needs_suffix=True),),  # astropy HDUList
    "export": (_w(0, "file_obj", "out_f", needs_suffix=True),),  # trimesh meshes, pydub sounds
    # aplpy figures: an image's contours, an RGB picture (LisaYoungUIUC/astro_figures_code: unseen)
    "show_contour": (_r(0, "data", needs_suffix=True),),
    "show_rgb": (_r(0, "filename", needs_suffix=True),),
    # pathlib: the path is the object the method is called on
    "read_text": (_r(-1, path_receiver=True),),
    "read_bytes": (_r(-1, path_receiver=True),),
    "write_text": (_w(-1, path_receiver=True),),
    "write_bytes": (_w(-1, path_receiver=True),),
    "touch": (_w(-1, path_receiver=True),),
    "extractall": _UNPACK,  # zipfile / tarfile
    "save_graph": (_w(0, "name"),),  # pyvis
    "write_html": (_w(0, "file", "name"),),  # plotly figures, pyvis networks
    "write_image": (_w(0, "file"),),  # plotly
    "write_h5ad": (_w(0, "filename"),),  # anndata
    "write": (_w(0, "filename", convention="anndata"),),  # `adata.write(path)`, the same
    "write_loom": (_w(0, "filename"),),
    "write_zarr": (_w(0, "store"),),
    # a model's weights: a folder written out (transformers, diffusers, peft), read back by its path
    "save_pretrained": (_w(0, "save_directory"),),
    # Keras weights (lzxlab/pSAM_paper_code: 17 `.h5` reads and writes unseen)
    "save_weights": (_w(0, "filepath", needs_suffix=True),),
    "load_weights": (_r(0, "filepath", needs_suffix=True),),
    "from_pretrained": (_r(0, "pretrained_model_name_or_path", convention="local"),),
    "open": (_m(-1, "", 0, "r", "open", path_receiver=True),),
}

#: what makes an astropy table, whose ``write(path)`` writes that file whatever its ending
#: (desihub/spectropaper-code: `res = Table()` ... `res.write("telemetry.csv", overwrite=True)` was unseen,
#: as the generic ``write`` counts only for AnnData's and FITS endings)
TABLE_MAKERS = frozenset(
    f"astropy.table.{name}"
    for name in ("Table", "QTable", "Table.read", "QTable.read", "vstack", "hstack", "join")
)
TABLE_WRITE = (_w(0, "output"),)

#: what makes a ``configparser`` parser, whose ``read(paths)`` reads the files that are there and skips the
#: others without a word (MehrnooshTahani/MC-BLOS: `settings.read('configStartSettings.ini')` was unseen, so
#: the settings file another step writes seemed read by nobody)
CONFIG_MAKERS = frozenset(
    f"configparser.{name}" for name in ("ConfigParser", "RawConfigParser", "SafeConfigParser")
)
CONFIG_READ = (_r(0, "filenames", list_ok=True, convention="if-there"),)

_MEMMAP: dict[str, tuple[Literal["read", "write"], ...]] = {"r": ("read",), "c": ("read",), "w+": ("write",)}


def accesses(mode: str | None, table: ModeTable) -> tuple[Literal["read", "write"], ...]:
    """What a call does with its file for a mode string (None: the mode is not a literal)."""
    if table == "hdfstore":  # pandas' default 'a' is mostly used to read an existing store
        return ("write",) if mode and mode[0] in "wa" else ("read",)
    if mode is None:
        return ("read",)
    if table == "memmap":
        return _MEMMAP.get(mode, ("read", "write"))
    if table == "imopen":
        return ("write",) if mode.startswith("w") else ("read",)
    if table in {"h5py", "netcdf"}:
        if mode.startswith("r+"):
            return ("read", "write")
        return ("read",) if mode.startswith("r") else ("write",)
    if table == "zip":
        return ("read",) if mode.startswith("r") else ("write",)
    if "r" in mode and "+" in mode:
        return ("read", "write")
    if set(mode) & set("wax"):
        return ("write",)
    return ("read",)
