package dev.pairstudio.sql;

import dev.pairstudio.pair.ComplexityLevel;

/**
 * How hard a query is, counted over the whole statement (subqueries, CTE bodies and set-operation
 * branches included).
 *
 * <p>The level follows Spider's hardness rules in spirit, with counts this analysis has:
 * <ul>
 *   <li>{@code clauses} = joins + GROUP BY clauses + ORDER BY clauses (Spider's "component 1");</li>
 *   <li>{@code nesting} = subquery depth + set operations (Spider's "component 2": nested
 *       queries, UNION/INTERSECT/EXCEPT);</li>
 *   <li>{@code others} = [more than one aggregate] + [a window function] + [a HAVING].</li>
 * </ul>
 * EASY when clauses ≤ 1, others = 0 and nesting = 0; MEDIUM when nesting = 0 and either
 * (others ≤ 2 and clauses ≤ 1) or (clauses ≤ 2 and others &lt; 2); HARD when nesting = 0 and
 * (others &gt; 2 and clauses ≤ 2, or clauses = 3 and others ≤ 2), or when clauses ≤ 1,
 * others = 0 and nesting = 1; EXTRA otherwise. So "count singers older than 20" is EASY, one
 * join with GROUP BY is MEDIUM, one plain {@code NOT IN (SELECT …)} is HARD, and two nested
 * subqueries or a join plus a set operation is EXTRA.
 *
 * @param joins          explicit joins plus comma-joined tables beyond the first, per FROM
 * @param subqueryDepth  deepest nesting of a SELECT inside another (CTE bodies and set-operation
 *                       branches are not nesting; 0 for a flat query)
 * @param aggregates     calls of COUNT, SUM, AVG, MIN, MAX and similar outside a window
 * @param windowFunctions functions with an OVER clause
 * @param setOperations  UNION, INTERSECT, EXCEPT and MINUS operators
 */
public record Complexity(
        int joins,
        int subqueryDepth,
        int aggregates,
        int groupBy,
        int having,
        int orderBy,
        int windowFunctions,
        int setOperations) {

    public static final Complexity NONE = new Complexity(0, 0, 0, 0, 0, 0, 0, 0);

    /** The level these counts give (derived, so that no two places can disagree on it). */
    public ComplexityLevel level() {
        int clauses = joins + groupBy + orderBy;
        int nesting = subqueryDepth + setOperations;
        int others = (aggregates > 1 ? 1 : 0) + (windowFunctions > 0 ? 1 : 0) + (having > 0 ? 1 : 0);
        return level(clauses, nesting, others);
    }

    static ComplexityLevel level(int clauses, int nesting, int others) {
        if (clauses <= 1 && others == 0 && nesting == 0) {
            return ComplexityLevel.EASY;
        }
        if (nesting == 0 && ((others <= 2 && clauses <= 1) || (clauses <= 2 && others < 2))) {
            return ComplexityLevel.MEDIUM;
        }
        if ((nesting == 0 && ((others > 2 && clauses <= 2) || (clauses == 3 && others <= 2)))
                || (clauses <= 1 && others == 0 && nesting == 1)) {
            return ComplexityLevel.HARD;
        }
        return ComplexityLevel.EXTRA;
    }
}
