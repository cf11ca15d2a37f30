from lake_temps.stats import mixed_layer_temperature, thermocline_depth


def test_thermocline_depth():
    assert thermocline_depth([0.5, 1.0, 2.0, 4.0], [21.3, 21.1, 18.0, 9.5]) == 3.0


def test_mixed_layer_temperature():
    assert mixed_layer_temperature([0, 1, 2, 3], [20.0, 19.8, 15.0, 10.0]) == 19.9
