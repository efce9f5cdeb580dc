package dev.pairstudio.pair;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a user narrows the pairs to: the same filter drives the table, the statistics, the
 * exports, the bulk operations and the API. Every field is optional; empty sets and nulls
 * mean "any". Sets within a field are alternatives (OR); fields combine with AND.
 *
 * @param from           inclusive lower bound on the timestamp
 * @param to             exclusive upper bound on the timestamp
 * @param flags          the pair carries every one of these flags
 * @param piiTypes       the pair has a finding of any of these types ("EMAIL", "CUSTOM:emp_id")
 * @param tables         the pair references any of these tables (as analysed, lower-cased)
 * @param text           free text searched in the question and the SQL
 * @param textIsRegex    {@code text} is a regular expression rather than words
 * @param trash          false: live pairs only; true: the trash only
 * @param duplicateGroup only the pairs of one duplicate group
 * @param ids            only these stored ids (a selection)
 * @param changedSince   only pairs added or changed at or after this instant (incremental export)
 */
public record PairFilter(
        Instant from,
        Instant to,
        Boolean success,
        Set<String> databaseTypes,
        Set<String> databaseNames,
        Set<QueryType> queryTypes,
        Set<ReviewStatus> statuses,
        Set<QualityFlag> flags,
        Set<ComplexityLevel> complexity,
        Set<String> piiTypes,
        Set<String> tables,
        String text,
        boolean textIsRegex,
        boolean trash,
        Long duplicateGroup,
        Set<Long> ids,
        Instant changedSince) {

    public static final PairFilter ALL = new PairFilter(
            null, null, null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), null,
            false, false, null, Set.of(), null);

    public PairFilter {
        databaseTypes = copy(databaseTypes);
        databaseNames = copy(databaseNames);
        queryTypes = queryTypes == null || queryTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(queryTypes));
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        flags = flags == null || flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
        complexity = complexity == null || complexity.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(complexity));
        piiTypes = copy(piiTypes);
        tables = copy(tables);
        ids = ids == null ? Set.of() : Set.copyOf(ids);
        text = text == null || text.isBlank() ? null : text;
    }

    private static <T> Set<T> copy(Set<T> s) {
        return s == null ? Set.of() : Set.copyOf(s);
    }

    /**
     * A copy with some fields changed, the one place that copies a {@code PairFilter}:
     * {@code x.with(c -> c.from = …)}. Each {@code withX} below is one such change.
     */
    public PairFilter with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The fields being copied, changed in place by {@link #with} (whose canonical constructor then checks them). */
    public static final class Copy {
        public Instant from;
        public Instant to;
        public Boolean success;
        public Set<String> databaseTypes;
        public Set<String> databaseNames;
        public Set<QueryType> queryTypes;
        public Set<ReviewStatus> statuses;
        public Set<QualityFlag> flags;
        public Set<ComplexityLevel> complexity;
        public Set<String> piiTypes;
        public Set<String> tables;
        public String text;
        public boolean textIsRegex;
        public boolean trash;
        public Long duplicateGroup;
        public Set<Long> ids;
        public Instant changedSince;

        private Copy(PairFilter original) {
            from = original.from;
            to = original.to;
            success = original.success;
            databaseTypes = original.databaseTypes;
            databaseNames = original.databaseNames;
            queryTypes = original.queryTypes;
            statuses = original.statuses;
            flags = original.flags;
            complexity = original.complexity;
            piiTypes = original.piiTypes;
            tables = original.tables;
            text = original.text;
            textIsRegex = original.textIsRegex;
            trash = original.trash;
            duplicateGroup = original.duplicateGroup;
            ids = original.ids;
            changedSince = original.changedSince;
        }

        private PairFilter build() {
            return new PairFilter(
                    from,
                    to,
                    success,
                    databaseTypes,
                    databaseNames,
                    queryTypes,
                    statuses,
                    flags,
                    complexity,
                    piiTypes,
                    tables,
                    text,
                    textIsRegex,
                    trash,
                    duplicateGroup,
                    ids,
                    changedSince);
        }
    }

    public PairFilter withDates(Instant newFrom, Instant newTo) {
        return with(c -> {
            c.from = newFrom;
            c.to = newTo;
        });
    }

    public PairFilter withSuccess(Boolean value) {
        return with(c -> c.success = value);
    }

    public PairFilter withDatabaseTypes(Set<String> value) {
        return with(c -> c.databaseTypes = value);
    }

    public PairFilter withDatabaseNames(Set<String> value) {
        return with(c -> c.databaseNames = value);
    }

    public PairFilter withQueryTypes(Set<QueryType> value) {
        return with(c -> c.queryTypes = value);
    }

    public PairFilter withStatuses(Set<ReviewStatus> value) {
        return with(c -> c.statuses = value);
    }

    public PairFilter withFlags(Set<QualityFlag> value) {
        return with(c -> c.flags = value);
    }

    public PairFilter withComplexity(Set<ComplexityLevel> value) {
        return with(c -> c.complexity = value);
    }

    public PairFilter withPiiTypes(Set<String> value) {
        return with(c -> c.piiTypes = value);
    }

    public PairFilter withTables(Set<String> value) {
        return with(c -> c.tables = value);
    }

    public PairFilter withText(String value, boolean regex) {
        return with(c -> {
            c.text = value;
            c.textIsRegex = regex;
        });
    }

    public PairFilter withTrash(boolean value) {
        return with(c -> c.trash = value);
    }

    public PairFilter withDuplicateGroup(Long value) {
        return with(c -> c.duplicateGroup = value);
    }

    public PairFilter withIds(Set<Long> value) {
        return with(c -> c.ids = value);
    }

    public PairFilter withChangedSince(Instant value) {
        return with(c -> c.changedSince = value);
    }
}
