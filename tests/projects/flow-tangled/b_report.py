import pandas as pd

a = pd.read_csv("tables/a.csv")
a.to_csv("tables/b.csv", index=False)
a.describe().to_csv("summary.csv")
