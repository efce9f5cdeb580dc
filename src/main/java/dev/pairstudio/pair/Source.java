package dev.pairstudio.pair;

/** Where a stored pair came from. */
public enum Source {
    FILE,
    API,
    MANUAL,
    DEMO
}
