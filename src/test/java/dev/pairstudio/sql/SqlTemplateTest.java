package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlTemplateTest {

    @Test
    void valuesCaseWhitespaceAndCommentsDoNotChangeTheTemplate() {
        assertThat(SqlTemplate.of("select Name from  Users\nwhere id = 42 -- first\n and name = 'x';", null))
                .isEqualTo("SELECT name FROM users WHERE id = ? AND name = ?");
        assertThat(SqlTemplate.fingerprint("SELECT a FROM t WHERE b = -5", null))
                .isEqualTo(SqlTemplate.fingerprint("SELECT a FROM t WHERE b = 7", null));
        assertThat(SqlTemplate.fingerprint("SELECT a - 5 FROM t", null))
                .isNotEqualTo(SqlTemplate.fingerprint("SELECT a FROM t", null));
    }

    @Test
    void inListsOfAnyLengthShareOneShape() {
        assertThat(SqlTemplate.of("SELECT * FROM t WHERE a IN (1, 2, 3) AND b NOT IN ('x')", null))
                .isEqualTo("SELECT * FROM t WHERE a IN ( ? ) AND b NOT IN ( ? )");
        assertThat(SqlTemplate.of("SELECT * FROM t WHERE a IN (b, 2)", null)).contains("IN ( b , ? )");
    }

    @Test
    void quotedIdentifiersKeepTheirCaseWhateverTheQuoteStyle() {
        assertThat(SqlTemplate.of("SELECT \"Name\" FROM \"Users\"", null)).isEqualTo("SELECT \"Name\" FROM \"Users\"");
        assertThat(SqlTemplate.of("SELECT [Name] FROM [Users]", "sqlserver"))
                .isEqualTo("SELECT \"Name\" FROM \"Users\"");
        assertThat(SqlTemplate.of("SELECT `Name` FROM `Users`", "mysql")).isEqualTo("SELECT \"Name\" FROM \"Users\"");
        assertThat(SqlTemplate.of("SELECT \"Name\" FROM t", null))
                .isNotEqualTo(SqlTemplate.of("SELECT name FROM t", null));
    }

    @Test
    void dialectDecidesWhetherDoubleQuotesAreAValue() {
        assertThat(SqlTemplate.of("SELECT * FROM t WHERE a = \"x\"", "mysql")).endsWith("a = ?");
        assertThat(SqlTemplate.of("SELECT * FROM t WHERE a = \"x\"", "postgresql"))
                .endsWith("a = \"x\"");
    }

    @Test
    void parametersAreValuesToo() {
        assertThat(SqlTemplate.of("SELECT * FROM t WHERE a = ? AND b = :b AND c = $1", "postgresql"))
                .isEqualTo("SELECT * FROM t WHERE a = ? AND b = ? AND c = ?");
    }

    @Test
    void unparseableSqlHasATemplate() {
        assertThat(SqlTemplate.of("SELEC name FRM t WHERE x = 'a", null)).isEqualTo("selec name frm t WHERE x = ?");
    }
}
