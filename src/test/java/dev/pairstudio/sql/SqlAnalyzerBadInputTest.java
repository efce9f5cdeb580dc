package dev.pairstudio.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.pairstudio.testing.AnalyzerFixture;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The analyser never throws and never hangs: every bad input gets an answer with a reason, fast. */
class SqlAnalyzerBadInputTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final AnalyzerFixture shared = new AnalyzerFixture(new SqlAnalyzer.Options(1_000, 100_000, 200, 1_000));

    private static SqlAnalysis analyze(String sql) {
        return assertTimeoutPreemptively(LIMIT, () -> shared.analyzer().analyze(sql, null));
    }

    @Test
    void nullAndEmptyAndBlank() {
        for (String sql : new String[] {null, "", "   \n\t ", ";;", "-- only a comment"}) {
            SqlAnalysis a = analyze(sql);
            assertThat(a.parsed()).as(String.valueOf(sql)).isFalse();
            assertThat(a.parseError()).isEqualTo("empty SQL");
            assertThat(a.tables()).isEmpty();
        }
    }

    @Test
    void aMegabyteOfGarbageIsRefusedButItsLiteralsAreStillFound() {
        StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE x = 'secret' ");
        Random r = new Random(1);
        while (sb.length() < 1_000_000) {
            sb.append((char) ('a' + r.nextInt(26))).append(r.nextInt(10) == 0 ? " " : "");
        }
        SqlAnalysis a = analyze(sb.toString());
        assertThat(a.parsed()).isFalse();
        assertThat(a.parseError()).contains("longer than 100000");
        assertThat(a.literals()).isNotEmpty();
        assertThat(a.literals().get(0).value(sb.toString())).isEqualTo("secret");
    }

    @Test
    void tenThousandNestedParenthesesAreRefusedBeforeParsing() {
        String sql = "SELECT " + "(".repeat(10_000) + "1" + ")".repeat(10_000) + " FROM t";
        SqlAnalysis a = analyze(sql);
        assertThat(a.parsed()).isFalse();
        assertThat(a.parseError()).contains("nested 10000 deep");
        assertThat(analyze("SELECT " + "(".repeat(10_000)).parsed()).isFalse();
    }

    @Test
    void unbalancedQuotesAndParentheses() {
        for (String sql : new String[] {
            "SELECT * FROM t WHERE a = 'open",
            "SELECT \"open FROM t",
            "SELECT ((a FROM t",
            "SELECT a) FROM t",
            "SELECT `x FROM t",
            "SELECT [x FROM t"
        }) {
            SqlAnalysis a = analyze(sql);
            assertThat(a.parsed()).as(sql).isFalse();
            assertThat(a.parseError()).as(sql).isNotBlank();
        }
    }

    @Test
    void binaryGarbageAndLoneSurrogates() {
        Random r = new Random(7);
        for (int i = 0; i < 20; i++) {
            char[] chars = new char[1 + r.nextInt(5_000)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) r.nextInt(0x10000);
            }
            SqlAnalysis a = analyze(new String(chars));
            assertThat(a.fingerprint()).hasSize(32);
        }
        assertThat(analyze("SELECT '\uD800' FROM \uDC00t\u0000").parsed()).isFalse();
    }

    @Test
    void longButValidSqlStillParses() {
        StringBuilder sb = new StringBuilder("SELECT * FROM t WHERE id IN (");
        for (int i = 0; i < 2_000; i++) {
            sb.append(i == 0 ? "" : ", ").append(i);
        }
        String sql = sb.append(")").toString();
        // a generous limit: the build machine is shared and this is about correctness, not speed
        try (SqlAnalyzer patient = new SqlAnalyzer(new SqlAnalyzer.Options(10_000, 100_000, 200, 10))) {
            SqlAnalysis a = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> patient.analyze(sql, null));
            assertThat(a.parsed()).as(a.parseError()).isTrue();
            assertThat(a.literals()).hasSize(2_000);
        }
    }

    @Test
    void aParseThatRunsOutOfTimeIsReportedAsSuch() {
        try (SqlAnalyzer impatient = new SqlAnalyzer(new SqlAnalyzer.Options(1, 100_000, 200, 10))) {
            StringBuilder sb = new StringBuilder("SELECT a FROM t WHERE ");
            for (int i = 0; i < 3_000; i++) {
                sb.append(i == 0 ? "" : " OR ").append("(a = ").append(i).append(" AND b LIKE 'x%')");
            }
            SqlAnalysis a = assertTimeoutPreemptively(LIMIT, () -> impatient.analyze(sb.toString(), null));
            assertThat(a.parsed()).isFalse();
            assertThat(a.parseError()).contains("timed out");
            assertThat(a.tables()).containsExactly("t");
        }
    }
}
