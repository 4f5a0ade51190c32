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


def test_shipped_parameters_name_their_source_and_match_the_features():
    from joinedup.analysis.calibration import load_parameters
    from joinedup.analysis.features import LEXICAL_FEATURES, SEMANTIC_FEATURES

    shipped = load_parameters()
    assert shipped["source"]["fold"] == "all labelled candidates"
    # A feature added or renamed without refitting (eval/fit_calibration.py) fails here.
    for method, names in (("lexical", LEXICAL_FEATURES), ("combined", SEMANTIC_FEATURES)):
        for target in ("match", "kind"):
            assert tuple(shipped[method][target]["features"]) == names


def test_fit_logistic_shrinks_noise_and_keeps_signal():
    from joinedup.analysis.calibration import fit_logistic

    rng = np.random.default_rng(7)
    signal = rng.normal(size=400)
    noise = rng.normal(size=400)
    labels = signal + 0.3 * rng.normal(size=400) > 0
    fitted = fit_logistic(("signal", "noise"), np.column_stack([signal, noise]), labels)
    # The label follows `signal` closely (noise sd 0.3), so its standardised
    # coefficient is large; `noise` is unrelated, so cross-validation keeps it small.
    assert fitted.coef[0] > 2.0
    assert abs(fitted.coef[1]) < 0.5
    shuffled = rng.permutation(labels)
    null = fit_logistic(("signal", "noise"), np.column_stack([signal, noise]), shuffled)
    # Labels unrelated to both columns: the chosen regularisation shrinks both towards 0.
    assert np.abs(null.coef).max() < 0.3


def test_a_missing_value_counts_as_the_average_not_as_disagreement():
    params = LogisticParameters(features=("place",), mean=np.array([0.5]), scale=np.array([0.5]),
                                coef=np.array([2.0]), intercept=0.0)
    # place=1 -> z=(1-0.5)/0.5=1 -> 1/(1+e^-2); place=-1 -> z=-3 -> 1/(1+e^6);
    # unknown (NaN) -> z=0 -> 0.5, exactly as if the place were the average.
    probs = params.probability(("place",), np.array([[1.0], [-1.0], [np.nan]]))
    assert np.allclose(probs, [1 / (1 + np.exp(-2)), 1 / (1 + np.exp(6)), 0.5])


def test_fitting_fills_missing_values_with_the_known_mean():
    from joinedup.analysis.calibration import fit_logistic

    values = np.array([[1.0], [1.0], [-1.0], [np.nan], [-1.0], [1.0], [np.nan], [-1.0],
                       [1.0], [-1.0], [1.0], [1.0]])
    labels = np.array([1, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1])
    fitted = fit_logistic(("place",), values, labels, c=1.0)
    # Known values: six 1s and four -1s -> mean 0.2; the NaN rows are filled with 0.2,
    # so the column's standard deviation is that of six 1s, four -1s and two 0.2s.
    filled = np.array([1.0] * 6 + [-1.0] * 4 + [0.2] * 2)
    assert np.isclose(fitted.mean[0], 0.2)
    assert np.isclose(fitted.scale[0], filled.std())
    assert np.all(np.isfinite(fitted.coef)) and fitted.coef[0] > 0
