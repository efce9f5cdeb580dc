package dev.pairstudio.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.pair.QualityFlag;
import dev.pairstudio.testing.AnalyzerFixture;
import dev.pairstudio.testing.TestPair;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The question/SQL value hints: quiet on values said otherwise, still loud on real mismatches. */
class ConsistencyHintsTest {
    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture();

    private static final PairValidator validator = shared.validator(true);
    private static LoadedSchema schema;

    @BeforeAll
    static void setUp() {
        schema = LoadedSchema.of(3, shared.schema("""
                CREATE TABLE employees (id INTEGER PRIMARY KEY, fname TEXT, lname TEXT, county TEXT, hire_date TEXT,
                    birth_date TEXT, dept TEXT, duration TEXT);
                CREATE TABLE orders (id INTEGER PRIMARY KEY, employee_id INTEGER, created TEXT, status TEXT);
                """, "staff", "sqlite"));
    }

    static Validation check(String question, String sql) {
        return validator.validate(
                TestPair.of("p", question, sql).on("sqlite", "staff").build(), schema);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // number words
                "Which departments have at least two employees? | SELECT dept FROM employees GROUP BY dept HAVING count(*) >= 2",
                "Which employees placed orders twice? | SELECT employee_id FROM orders GROUP BY employee_id HAVING count(*) = 2",
                "Which departments have more than one employee? | SELECT dept FROM employees GROUP BY dept HAVING count(*) >= 2",
                "Departments with twenty-five staff | SELECT dept FROM employees GROUP BY dept HAVING count(*) = 25",
                // dates written differently
                "Who was born on 1976/1/29? | SELECT fname FROM employees WHERE birth_date = '1976-01-29'",
                "Who was hired after September 7th, 1987? | SELECT fname FROM employees WHERE hire_date > '1987-09-07'",
                "Who was hired after 7th September, 1987? | SELECT fname FROM employees WHERE hire_date > '1987-09-07'",
                "Orders made on Sep 21, 2010 | SELECT id FROM orders WHERE created = '2010-09-21'",
                "Orders made before 21/09/2010 | SELECT id FROM orders WHERE created < '2010-09-21 00:00:00'",
                // month names
                "Who was hired in September? | SELECT fname FROM employees WHERE strftime('%m', hire_date) = '09'",
                "Orders placed in December | SELECT id FROM orders WHERE created LIKE '12/%'",
                "Songs of about 4 minutes | SELECT id FROM employees WHERE duration LIKE '4:%'",
                // function arguments are not compared values
                "Who was hired in 1999? | SELECT fname FROM employees WHERE SUBSTR(hire_date, 1, 4) = '1999'",
                "Who was hired in 1999? | SELECT fname FROM employees WHERE STRFTIME('%Y', hire_date) = '1999'",
                "Orders made before today | SELECT id FROM orders WHERE created < date('now')",
                // flag values, like 0 and 1
                "Which orders are shipped? | SELECT id FROM orders WHERE status = 'Y'",
                // a quoted value with trailing punctuation, a name split over two columns
                "Orders of the employee \"Linda Smith\". | SELECT o.id FROM orders o JOIN employees e ON o.employee_id = e.id WHERE e.fname = 'Linda' AND e.lname = 'Smith'",
                "Employees whose department is \"Graphics.\" | SELECT fname FROM employees WHERE dept = 'Graphics'",
                "Who wrote \"Nameless, Painless\"? | SELECT fname FROM employees WHERE dept = 'Nameless ,  Painless'",
            })
    void valuesSaidOtherwiseGetNoHint(String question, String sql) {
        Validation v = check(question, sql);
        assertThat(v.messages())
                .as(sql)
                .noneMatch(m -> m.flag() == QualityFlag.LITERAL_NOT_IN_QUESTION
                        || m.flag() == QualityFlag.QUESTION_VALUE_NOT_IN_SQL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a county, a date and a year that do not match the question
                "How many employees live in Alameda county? | SELECT count(*) FROM employees WHERE county = 'Contra Costa' | LITERAL_NOT_IN_QUESTION | Contra Costa",
                "Who was born on 1976/1/29? | SELECT fname FROM employees WHERE birth_date = '1976-01-30' | LITERAL_NOT_IN_QUESTION | 1976-01-30",
                "Who was hired in 1999? | SELECT fname FROM employees WHERE STRFTIME('%Y', hire_date) = '2001' | LITERAL_NOT_IN_QUESTION | 2001",
                "Which departments have at least two employees? | SELECT dept FROM employees GROUP BY dept HAVING count(*) >= 3 | LITERAL_NOT_IN_QUESTION | 3",
                "Who was hired in September? | SELECT fname FROM employees WHERE strftime('%m', hire_date) = '10' | LITERAL_NOT_IN_QUESTION | 10",
                "Orders of the employee \"Linda Smith\". | SELECT o.id FROM orders o JOIN employees e ON o.employee_id = e.id WHERE e.fname = 'Linda' AND e.lname = 'Smyth' | QUESTION_VALUE_NOT_IN_SQL | Linda Smith",
            })
    void realMismatchesAreStillHinted(String question, String sql, QualityFlag flag, String value) {
        Validation v = check(question, sql);
        assertThat(v.messages())
                .as(sql)
                .anyMatch(m -> m.flag() == flag && m.text().contains("'" + value + "'"));
    }
}
