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
    # One model per pattern of known fields: 2^4 patterns of priority, place, group, category.
    every = "category+group+place+priority"
    for method, names in (("lexical", LEXICAL_FEATURES), ("combined", SEMANTIC_FEATURES)):
        for target in ("match", "kind"):
            models = shipped[method][target]
            assert len(models) == 16 and tuple(models[every]["features"]) == names
            # With nothing structured known, none of the agreement features is used.
            assert not {"same_priority", "same_main_priority", "place_overlap",
                        "group_overlap", "same_category"} & set(models[""]["features"])
            assert "place_overlap" in models["place"]["features"]
            assert "group_overlap" not in models["place"]["features"]


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


def test_each_pair_is_scored_by_the_model_for_the_fields_both_plans_give():
    from joinedup.analysis.calibration import PatternModels, row_patterns

    names = ("sim", "same_priority", "same_main_priority", "place_overlap", "group_overlap",
             "same_category")
    nan = np.nan
    values = np.array([
        [0.5, 1.0, 1.0, 1.0, 1.0, 1.0],     # everything known
        [0.5, nan, nan, 1.0, nan, nan],     # only places known
        [0.5, nan, nan, nan, nan, nan],     # nothing structured known
        [0.5, 1.0, nan, 1.0, 1.0, 1.0],     # a main priority missing: priority unknown
    ])
    assert row_patterns(names, values).tolist() == [
        "category+group+place+priority", "place", "", "category+group+place"]

    def constant(p):
        logit = float(np.log(p / (1 - p)))
        return LogisticParameters(features=("sim",), mean=np.zeros(1), scale=np.ones(1),
                                  coef=np.zeros(1), intercept=logit)

    models = PatternModels({"category+group+place+priority": constant(0.9),
                            "place": constant(0.6), "": constant(0.3),
                            "category+group+place": constant(0.8)})
    assert np.allclose(models.probability(names, values), [0.9, 0.6, 0.3, 0.8])


def test_a_reduced_model_gives_the_rate_among_pairs_alike_in_what_is_known():
    """Hand-built data: y depends on `sim` and, more, on `place_overlap`.

    Among pairs with sim = 1, 40 of 80 are real (36 of the 40 with overlapping
    places, 4 of the 40 without); among sim = 0, 8 of 80 are (all 8 with
    overlapping places, out of 16). A pair with sim = 1 whose places are
    unknown should therefore score 40/80 = 0.5, and one with sim = 0, 8/80 = 0.1.
    Imputing the average place overlap into the full model gives neither.
    """
    from joinedup.analysis.calibration import fit_logistic, fit_pattern_models

    rows = []
    for sim, place, y, count in ((1, 1, 1, 36), (1, 1, 0, 4), (1, -1, 1, 4), (1, -1, 0, 36),
                                 (0, 1, 1, 8), (0, 1, 0, 8), (0, -1, 0, 64)):
        rows += [(sim, place, y)] * count * 5    # x5: so little shrinkage is needed
    data = np.array(rows, dtype=float)
    names = ("sim", "place_overlap")
    models = fit_pattern_models(names, data[:, :2], data[:, 2].astype(int))
    assert set(models.models) == {"", "place"}
    unknown = np.array([[1.0, np.nan], [0.0, np.nan]])
    assert np.allclose(models.probability(names, unknown), [0.5, 0.1], atol=0.02)
    imputed = fit_logistic(names, data[:, :2], data[:, 2].astype(int)).probability(names, unknown)
    assert abs(imputed[0] - 0.5) > 0.05
