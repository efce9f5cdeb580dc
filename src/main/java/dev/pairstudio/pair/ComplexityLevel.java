package dev.pairstudio.pair;

/** Query hardness in the spirit of Spider's levels. */
public enum ComplexityLevel {
    EASY,
    MEDIUM,
    HARD,
    EXTRA
}
