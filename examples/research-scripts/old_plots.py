# Plotting code from my master's thesis (Python 2).
import numpy as np

data = np.loadtxt("data/old_measurements.txt")
print "mean:", data.mean()
