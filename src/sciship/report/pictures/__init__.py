"""Pictures drawn without a browser, an external program or a plotting library: the data flow of a research
folder (:mod:`~sciship.report.pictures.flowchart`, drawn by :mod:`~sciship.report.pictures.diagram` as SVG,
Mermaid or DOT) and small charts for reports (:mod:`~sciship.report.pictures.charts`)."""
