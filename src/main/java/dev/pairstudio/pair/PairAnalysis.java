package dev.pairstudio.pair;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the analysis and privacy passes derived from a pair, stored beside it so that the
 * table and the filters need no re-analysis. Null fields are "not analysed yet".
 *
 * @param fingerprint    hash of the SQL template (literals replaced), equal for equal query shapes
 * @param duplicateGroup pairs with the same group id are duplicates, conflicts or near-duplicates of each other
 * @param piiTypes       finding types in the question or SQL ("EMAIL", "CUSTOM:emp_id")
 * @param parseError     the parser's short message when the SQL did not parse
 */
public record PairAnalysis(
        QueryType queryType,
        String fingerprint,
        ComplexityLevel complexity,
        Set<QualityFlag> flags,
        Long duplicateGroup,
        Set<String> piiTypes,
        String parseError) {

    public static final PairAnalysis NONE = new PairAnalysis(null, null, null, Set.of(), null, Set.of(), null);

    public PairAnalysis {
        flags = flags == null || flags.isEmpty() ? Set.of() : immutable(flags);
        piiTypes = piiTypes == null ? Set.of() : Set.copyOf(piiTypes);
    }

    /**
     * Pairs share few combinations of flags: each is copied once and shared (copying a set for
     * every pair read was a fifth of building the pairs of an export).
     */
    private static final Map<Long, Set<QualityFlag>> SHARED = new ConcurrentHashMap<>();

    private static Set<QualityFlag> immutable(Set<QualityFlag> flags) {
        long bits = 0;
        for (QualityFlag f : flags) {
            bits |= f.bit();
        }
        return SHARED.computeIfAbsent(bits, b -> Set.copyOf(EnumSet.copyOf(flags)));
    }

    public boolean has(QualityFlag flag) {
        return flags.contains(flag);
    }

    /** The flags as a bit set (bit = ordinal), the stored form. */
    public long flagBits() {
        long bits = 0;
        for (QualityFlag f : flags) {
            bits |= f.bit();
        }
        return bits;
    }

    public static Set<QualityFlag> flagsOf(long bits) {
        EnumSet<QualityFlag> set = EnumSet.noneOf(QualityFlag.class);
        for (QualityFlag f : QualityFlag.values()) {
            if ((bits & f.bit()) != 0) {
                set.add(f);
            }
        }
        return set;
    }
}
