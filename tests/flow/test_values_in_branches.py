"""Values the trace once got wrong where the code chooses between them: a name extended under an `if`,
a test on a parameter left at its default, the names of a loop that unpacks pairs (reviewed research
folders of round 25: KrisJensen/stability_paper_code, adrian-valente/populations_paper_code,
czbiohub-sf/ops-paper-analysis, yotam-lif/evo_paper_code)."""

from __future__ import annotations

from flowkit import flow_of, io


def test_a_name_extended_under_an_if_may_be_either() -> None:
    """`if wds: name += '_wds'` with `wds` from the command line: the script runs with 0 and with 1, and
    both names are written; only the `_wds` ones were listed (4 false SHR110 on the figures reading the
    others)."""
    script = (
        "import sys, pickle\nwds = bool(int(sys.argv[1]))\nfor name in ['DLS', 'MC']:\n"
        "    if wds:\n        name += '_wds'\n"
        "    pickle.dump(1, open('./results/corr_' + name + '.p', 'wb'))\n"
    )
    flow = flow_of({"run_behav.py": script})
    assert flow.step("run_behav.py").writes == (  # type: ignore[union-attr]
        "results/corr_DLS.p",
        "results/corr_DLS_wds.p",
        "results/corr_MC.p",
        "results/corr_MC_wds.p",
    )


def test_a_test_on_a_parameter_left_at_its_default_is_decided() -> None:
    """`ext = '_warped' if parsed else ''` in `load_rat(ratname, parsed=True)`, never called with
    `parsed=False`: only the `_warped` files are opened (29 false SHR110 on `data/<rat>_data.p`)."""
    utils = (
        "import pickle\ndef load_rat(name, parsed=True):\n    ext = '_warped' if parsed else ''\n"
        "    return pickle.load(open('./data/' + name + '_data' + ext + '.p', 'rb'))\n"
    )
    flow = flow_of(
        {
            "utils.py": utils,
            "fit.py": "from utils import load_rat\nd = load_rat('Hindol')\n",
            "raw.py": "from utils import load_rat\nd = load_rat('Hamir', parsed=False)\n",
        }
    )
    assert io(flow, "fit.py") == [("read", "data/Hindol_data_warped.p")]
    assert io(flow, "raw.py") == [("read", "data/Hamir_data.p")]
