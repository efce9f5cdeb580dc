package dev.pairstudio.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pairstudio.sql.SqlLiteral;
import dev.pairstudio.sql.SqlLiterals;
import dev.pairstudio.testing.SpiderCorpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cheap pre-check before the detectors ({@link RegionStats}: no '@' means no e-mail, fewer than
 * seven digits no phone, …) never loses a finding: on Spider's questions and SQL, on datafaker's
 * values in many locales, libphonenumber's example numbers, processors' test cards, Spider with
 * values put into its literals, and look-alikes, every region gives the same findings as with
 * stats that rule nothing out (issue 24 item 4).
 */
class PreCheckTest {
    /** Stats that let every detector run. */
    private static final RegionStats RULES_NOTHING_OUT =
            new RegionStats(Integer.MAX_VALUE, true, true, true, Integer.MAX_VALUE);

    private final DetectorSet detectors =
            new DetectorSet(Policy.defaults(), Anonymizer.DEFAULT_RULE_TIME_LIMIT_MS * 1_000_000L);

    @Test
    void thePreCheckLosesNoFinding() {
        IndependentSources sources = new IndependentSources(24L);
        List<String> texts = new ArrayList<>();
        List<String> sqls = new ArrayList<>();
        SpiderCorpus.train().forEach(e -> {
            texts.add(e.question());
            sqls.add(e.sql());
        });
        for (List<PiiCorpus.LabeledText> kind : List.of(
                sources.datafaker(60), sources.phoneExamples(), sources.processorCards(), sources.lookAlikes(4500))) {
            kind.forEach(t -> texts.add(t.text()));
        }
        for (PiiCorpus.LabeledPair p : sources.spider(7000)) {
            texts.add(p.question());
            sqls.add(p.sql());
        }
        int regions = 0;
        int found = 0;
        for (String t : texts) {
            found += sameFindings(t, 0, t.length(), Field.QUESTION);
            regions++;
        }
        for (String sql : sqls) {
            found += sameFindings(sql, 0, sql.length(), Field.SQL); // the whole SQL: the leak check reads it so
            regions++;
            for (SqlLiteral lit : SqlLiterals.find(sql, SqlLiterals.Dialect.SQLITE)) {
                found += sameFindings(sql, lit.valueStart(), lit.valueEnd(), Field.SQL);
                regions++;
            }
        }
        assertThat(regions).isGreaterThan(40_000);
        assertThat(found).as("findings in all regions").isGreaterThan(5_000);
    }

    private int sameFindings(String text, int from, int to, Field field) {
        if (from >= to) {
            return 0;
        }
        List<Finding> checked = detectors.detect(text, from, to, field, null);
        List<Finding> unchecked = detectors.detect(text, from, to, field, null, RULES_NOTHING_OUT);
        assertThat(checked).as("%s [%d, %d) of: %s", field, from, to, text).isEqualTo(unchecked);
        return checked.size();
    }
}
