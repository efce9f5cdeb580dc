package dev.pairstudio.io;

import dev.pairstudio.pair.PairAnalysis;
import dev.pairstudio.store.StoredPair;

/**
 * Deterministic, streaming split assignment that keeps related pairs together. Every pair has a
 * group key: its database name with {@link Grouping#DATABASE} (Spider's way), else its duplicate
 * group when it has one, else its SQL fingerprint (the template), else the pair itself. The key
 * is hashed with the seed to a number in [0, 1) that picks the split by the ratios, so pairs of
 * one group always land in the same split (no template leakage between train and test), the
 * same seed always gives the same assignment, and nothing is kept in memory.
 *
 * <p>Because the hash does not depend on the query type, each query type is spread over the
 * splits in the same ratios in expectation; {@code stratify} reports per-type counts in the
 * manifest (exact per-stratum quotas would need every group key in memory).
 */
public final class SplitAssigner {

    /** What pairs are kept together. */
    public enum Grouping {
        /** Duplicate group, else SQL template fingerprint, else the pair. */
        TEMPLATE,
        /** Database name (pairs without one fall back to TEMPLATE). */
        DATABASE
    }

    public enum Split {
        TRAIN("train"), VALIDATION("validation"), TEST("test");

        public final String label;

        Split(String label) {
            this.label = label;
        }
    }

    private final SplitRatios ratios;
    private final long seed;
    private final Grouping grouping;

    public SplitAssigner(SplitRatios ratios, long seed, Grouping grouping) {
        this.ratios = ratios;
        this.seed = seed;
        this.grouping = grouping;
    }

    public Split assign(StoredPair p) {
        return assign(groupKey(p));
    }

    public Split assign(String groupKey) {
        double u = unit(groupKey);
        if (u < ratios.train()) {
            return Split.TRAIN;
        }
        if (u < ratios.train() + ratios.validation()) {
            return Split.VALIDATION;
        }
        return ratios.test() > 0 ? Split.TEST : (ratios.validation() > 0 ? Split.VALIDATION : Split.TRAIN);
    }

    public String groupKey(StoredPair p) {
        if (grouping == Grouping.DATABASE && p.pair().databaseName() != null) {
            return "d:" + p.pair().databaseName();
        }
        PairAnalysis a = p.analysis();
        if (a.duplicateGroup() != null) {
            return "g:" + a.duplicateGroup();
        }
        if (a.fingerprint() != null) {
            return "f:" + a.fingerprint();
        }
        return "p:" + p.pair().pairId();
    }

    /** FNV-1a over the key's UTF-16 units, mixed with the seed by SplitMix64's finaliser, as 53 bits in [0, 1). */
    double unit(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        long z = h ^ (seed * 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
