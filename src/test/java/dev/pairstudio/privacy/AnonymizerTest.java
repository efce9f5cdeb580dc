package dev.pairstudio.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.sql.SqlLiterals;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnonymizerTest {
    private static final Pseudonymizer KEY =
            new Pseudonymizer("anonymizer-test-key-32-bytes-ok".getBytes(StandardCharsets.UTF_8));
    private final Anonymizer anon = new Anonymizer(Policy.defaults(), KEY);

    @Test
    void pairGetsOneSurrogatePerValueInQuestionSqlAndDatabaseName() {
        AnonymizedPair p = anon.anonymizePair(
                "Orders of Jane.Doe@example.org in shop_db, phone (415) 555-0132?",
                "SELECT * FROM orders WHERE email = 'jane.doe@example.org' AND phone = 4155550132 -- for jane.doe@example.org",
                "postgresql",
                "shop_db");
        String q = p.question().after();
        String sql = p.sql().after();
        assertThat(q + sql + p.databaseNameAfter())
                .doesNotContain("jane.doe", "Jane.Doe", "4155550132", "555-0132", "shop_db");
        String qEmail = q.substring(
                p.question().replacements().get(0).afterStart(),
                p.question().replacements().get(0).afterEnd());
        assertThat(sql).containsIgnoringCase("'" + qEmail + "'").contains("FROM orders WHERE email = '");
        assertThat(q).contains(p.databaseNameAfter());
        // the phone in a numeric literal stays a number, with the question's surrogate digits
        String qPhone = Shapes.digitsOf(q.substring(
                p.question().replacements().get(2).afterStart(),
                p.question().replacements().get(2).afterEnd()));
        assertThat(sql).contains("phone = " + qPhone + " ");
        assertThat(p.sqlCheck()).isEqualTo(SqlCheck.PARSES);
        assertThat(p.findings())
                .extracting(r -> r.field().jsonName())
                .containsExactly("question", "question", "question", "sql", "sql", "sql", "database_name");
    }

    @Test
    void offsetsPointAtTheValueOnBothSides() {
        String text = "Mail jane@example.org or call +1 415 555 0132 please";
        AnonymizedText t = anon.anonymizeText(text);
        assertThat(t.replacements())
                .extracting(r -> r.type().label())
                .containsExactly("EMAIL", "PHONE"); // the loop below checks each
        for (Replacement r : t.replacements()) {
            String before = text.substring(r.start(), r.end());
            String after = t.after().substring(r.afterStart(), r.afterEnd());
            assertThat(KEY.pseudonym(r.type(), before)).isEqualTo(after);
        }
        assertThat(t.after()).startsWith("Mail ").endsWith(" please");
    }

    /** A quoted name that holds an e-mail address is a value (it used to be kept as an identifier). */
    @Test
    void identifiersAndKeywordsAreNeverTouched() {
        String sql = "SELECT \"name\", t4155550132.x FROM jane_doe_4111111111111111 WHERE a = 1";
        AnonymizedPair p = anon.anonymizePair("q", sql, "postgresql", null);
        assertThat(p.sql().after()).isEqualTo(sql);
        assertThat(p.sqlCheck()).isEqualTo(SqlCheck.UNCHANGED);
    }

    @Test
    void surrogatesWithQuotesAreEscapedPerDialect() {
        Policy custom =
                Policy.builder().customRule(new CustomRule("nick", "nick:\\w+")).build();
        SqlValueCodec standard = codec("SELECT 'x'", SqlLiterals.Dialect.STANDARD);
        assertThat(standard.encode("O'Brien")).isEqualTo("O''Brien");
        assertThat(standard.decode("O''Brien")).isEqualTo("O'Brien");
        SqlValueCodec mysql = codec("SELECT 'x'", SqlLiterals.Dialect.MYSQL);
        assertThat(mysql.encode("a\\b'c")).isEqualTo("a\\\\b''c");
        // a value with an escaped quote is decoded before keying: same surrogate as in the question
        Anonymizer withRule = new Anonymizer(custom, KEY);
        AnonymizedPair p =
                withRule.anonymizePair("who is nick:o'brien", "SELECT * FROM u WHERE n = 'nick:o''brien'", null, null);
        String qv = p.question()
                .after()
                .substring(p.question().replacements().get(0).afterStart());
        assertThat(p.sql().after()).isEqualTo("SELECT * FROM u WHERE n = '" + qv.replace("'", "''") + "'");
        assertThat(p.sqlCheck()).isEqualTo(SqlCheck.PARSES);
    }

    private static SqlValueCodec codec(String sql, SqlLiterals.Dialect d) {
        return new SqlValueCodec(sql, SqlLiterals.find(sql, d).get(0), d, false);
    }

    @Test
    void operatorsPerType() {
        Policy policy = Policy.builder()
                .operator(PiiType.EMAIL, Operator.REDACT)
                .operator(PiiType.CARD, Operator.MASK)
                .operator(PiiType.SSN, Operator.HASH)
                .operator(PiiType.IP, Operator.KEEP)
                .build();
        Anonymizer a = new Anonymizer(policy, KEY);
        String after = a.anonymizeText("a@example.com 4111 1111 1111 1111 SSN 123-45-6789 from 10.0.0.1")
                .after();
        assertThat(after).matches("<EMAIL> \\*{4} \\*{4} \\*{4} 1111 SSN <SSN_[0-9a-f]{16}> from 10\\.0\\.0\\.1");
        AnonymizedPair p =
                a.anonymizePair("x", "SELECT 1 WHERE card = 4111111111111111 AND ssn = 123456789", null, null);
        assertThat(p.sql().after()).matches("SELECT 1 WHERE card = 0{12}1111 AND ssn = \\d{9}");
        assertThat(p.findings()).extracting(Replacement::operator).containsExactly(Operator.MASK, Operator.HASH);
    }

    @Test
    void policyLoadsFromJsonAndRefusesMistakes() {
        Policy p = PolicyJson.parse("""
                {"name": "strict", "default": "redact", "operators": {"EMAIL": "hash", "CUSTOM:emp": "mask"},
                 "detect_urls": true, "phone_regions": ["US", "GB"],
                 "custom_rules": [{"name": "emp", "pattern": "EMP-\\\\d{6}"}],
                 "deny_lists": [{"name": "client", "values": ["Acme Corp"]}],
                 "allow": {"values": ["help@example.com"]}}""");
        assertThat(p.name()).isEqualTo("strict");
        assertThat(p.operatorFor(PiiType.EMAIL)).isEqualTo(Operator.HASH);
        assertThat(p.operatorFor(PiiType.PHONE)).isEqualTo(Operator.REDACT);
        Anonymizer a = new Anonymizer(p, KEY);
        assertThat(a.anonymizeText("EMP-123456 from acme corp wrote help@example.com and x@example.com, 020 7946 0123")
                        .after())
                .matches(
                        "\\*{3}-\\*\\*3456 from <CUSTOM:client> wrote help@example\\.com and <EMAIL_[0-9a-f]{16}>, <PHONE>");

        assertThatThrownBy(() -> PolicyJson.parse("{\"operatorz\": {}}"))
                .hasMessageContaining("unknown policy key 'operatorz'");
        assertThatThrownBy(() -> PolicyJson.parse("{\"default\": \"scramble\"}"))
                .hasMessageContaining("unknown operator 'scramble'");
        assertThatThrownBy(() -> PolicyJson.parse("{\"operators\": {\"PASSPORT\": \"keep\"}}"))
                .hasMessageContaining("unknown type 'PASSPORT'");
        assertThatThrownBy(() -> new Anonymizer(PolicyJson.parse("{\"phone_regions\": [\"XX\"]}"), KEY))
                .hasMessageContaining("unknown phone region 'XX'");
        assertThatThrownBy(() -> PolicyJson.parse("{\"name\": "))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void customRulesWithValidatorsAllowAndDenyLists() {
        Policy p = Policy.builder()
                .customRule(new CustomRule("acct", "\\b\\d{8}\\b", "luhn"))
                .denyList(new DenyList("project", List.of("Blue Falcon")))
                .allowList(new AllowList(List.of("support@example.com"), List.of("noreply@.*")))
                .build();
        Anonymizer a = new Anonymizer(p, KEY);
        List<String> found = a
                .detect(
                        "acct 12345674 and 12345678 on blue falcon; support@example.com, noreply@example.org, x@example.org",
                        Field.TEXT)
                .stream()
                .map(f -> f.type().label())
                .toList();
        assertThat(found).containsExactly("CUSTOM:acct", "CUSTOM:project", "EMAIL");
    }

    @Test
    void aDatabaseNamedLikeATableIsLeftInTheQuestionSoQuestionAndSqlStillAgree() {
        AnonymizedPair p = anon.anonymizePair(
                "How many flights left Oslo today?",
                "SELECT COUNT(*) FROM flights WHERE origin = 'Oslo'",
                "postgresql",
                "flights");
        assertThat(p.question().after()).isEqualTo("How many flights left Oslo today?");
        assertThat(p.databaseNameAfter()).isNotEqualTo("flights"); // the database_name field itself is still anonymized
        AnonymizedPair secret =
                anon.anonymizePair("Orders in acme_prod last week", "SELECT * FROM orders", "postgresql", "acme_prod");
        assertThat(secret.question().after()).doesNotContain("acme_prod");
    }
}
