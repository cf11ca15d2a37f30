"""Plot helpers shared by the figure scripts."""
import os

from config import FIGURES


def save_figure(fig, name):
    """Save a figure as PNG in the figures folder."""
    fig.savefig(os.path.join(FIGURES, name + ".png"), dpi=200)
