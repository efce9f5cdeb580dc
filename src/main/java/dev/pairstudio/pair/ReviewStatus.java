package dev.pairstudio.pair;

/** Where a pair stands in human review. */
public enum ReviewStatus {
    UNREVIEWED,
    ACCEPTED,
    REJECTED
}
