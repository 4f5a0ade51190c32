from __future__ import annotations

import numpy as np

from joinedup.analysis.calibration import LogisticParameters, expected_calibration_error


def test_ece_of_perfectly_calibrated_bins_is_zero():
    probs = np.array([0.25, 0.25, 0.25, 0.25])
    labels = np.array([1, 0, 0, 0])
    assert expected_calibration_error(probs, labels) == 0.0


def test_ece_weights_each_bin_by_its_size():
    # bin 0.9: 2 items, accuracy 0.5 -> gap 0.4; bin 0.1: 2 items, accuracy 0 -> gap 0.1
    probs = np.array([0.9, 0.9, 0.1, 0.1])
    labels = np.array([1, 0, 0, 0])
    assert np.isclose(expected_calibration_error(probs, labels), (2 * 0.4 + 2 * 0.1) / 4)


def test_logistic_probability_uses_named_columns_and_standardisation():
    params = LogisticParameters(features=("b",), mean=np.array([1.0]), scale=np.array([2.0]),
                                coef=np.array([1.0]), intercept=0.0)
    values = np.array([[99.0, 1.0], [99.0, 3.0]])
    # z = (1-1)/2 = 0 -> 0.5 ; z = (3-1)/2 = 1 -> 1/(1+e^-1)
    assert np.allclose(params.probability(("a", "b"), values), [0.5, 1 / (1 + np.exp(-1))])


def test_shipped_parameters_name_their_source_fold():
    from joinedup.analysis.calibration import load_parameters

    assert load_parameters()["source"]["fold"] == "training"
