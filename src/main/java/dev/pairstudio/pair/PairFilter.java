package dev.pairstudio.pair;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

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

    public static final PairFilter ALL = new PairFilter(null, null, null, Set.of(), Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), Set.of(), Set.of(), null, false, false, null, Set.of(), null);

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

    public PairFilter withDates(Instant newFrom, Instant newTo) {
        return new PairFilter(newFrom, newTo, success, databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withSuccess(Boolean value) {
        return new PairFilter(from, to, value, databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withDatabaseTypes(Set<String> value) {
        return new PairFilter(from, to, success, value, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withDatabaseNames(Set<String> value) {
        return new PairFilter(from, to, success, databaseTypes, value, queryTypes, statuses, flags, complexity, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withQueryTypes(Set<QueryType> value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, value, statuses, flags, complexity, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withStatuses(Set<ReviewStatus> value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, value, flags, complexity, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withFlags(Set<QualityFlag> value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, statuses, value, complexity, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withComplexity(Set<ComplexityLevel> value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, statuses, flags, value, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withPiiTypes(Set<String> value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, value, tables, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withTables(Set<String> value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, value, text, textIsRegex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withText(String value, boolean regex) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, tables, value, regex, trash, duplicateGroup, ids, changedSince);
    }

    public PairFilter withTrash(boolean value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, tables, text, textIsRegex, value, duplicateGroup, ids, changedSince);
    }

    public PairFilter withDuplicateGroup(Long value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, tables, text, textIsRegex, trash, value, ids, changedSince);
    }

    public PairFilter withIds(Set<Long> value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, value, changedSince);
    }

    public PairFilter withChangedSince(Instant value) {
        return new PairFilter(from, to, success, databaseTypes, databaseNames, queryTypes, statuses, flags, complexity, piiTypes, tables, text, textIsRegex, trash, duplicateGroup, ids, value);
    }
}
