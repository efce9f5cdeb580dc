package dev.pairstudio.store.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TextIndexTest {
    /** Mixed-case and non-ASCII texts beside the synthetic pairs, so the property test sees them too. */
    private static final String[] ODD_TEXTS = {
        "Straße in MÜNCHEN",
        "ÉCOLE normale",
        "école ÉLÉMENTAIRE",
        "ΟΔΟΣ Αθηνών",
        "İstanbul ve IĞDIR",
        "naïve café",
        "東京の顧客",
        "price 100%_off",
        "100% sure",
        "under_score__double",
        "CamelCaseWord",
        "tab\tand\nnewline",
        "emoji 😀 inside",
        "   ",
        "",
        "x",
        "%%",
        "a.b.c",
        "C++ and C#",
    };

    private final TextIndex index = new TextIndex();

    @Test
    void candidatesAreASupersetOfTheSubstringMatchesAndExactlyThemWhenSaidSo() {
        Random random = new Random(7);
        Map<Integer, String[]> texts = new LinkedHashMap<>();
        int ordinal = 0;
        for (Pair p : new SyntheticPairs(11).list(3000)) {
            String question = random.nextInt(10) == 0
                    ? mixCase(p.question() + " " + pick(random, ODD_TEXTS), random)
                    : p.question();
            String sql = random.nextInt(20) == 0 ? pick(random, ODD_TEXTS) : p.sql();
            texts.put(ordinal, new String[] {question, sql});
            index.add(ordinal, question, sql);
            // gaps of every varint length: 1 byte, 2 bytes, 3 bytes
            ordinal += random.nextInt(50) == 0 ? 1 + random.nextInt(100_000) : 1 + random.nextInt(3);
        }
        List<Integer> ordinals = new ArrayList<>(texts.keySet());
        for (int i = 0; i < 60; i++) {
            int edited = ordinals.get(random.nextInt(ordinals.size()));
            String[] donor = texts.get(ordinals.get(random.nextInt(ordinals.size())));
            String[] now = {donor[1] + " edited" + i, mixCase(donor[0], random)};
            texts.put(edited, now);
            index.replace(edited, now[0], now[1]);
        }

        List<String> phrases = new ArrayList<>(List.of(
                "",
                " ",
                "%%",
                "%",
                "_",
                "__",
                "100%_",
                "example.com",
                "@example.",
                "customer_id",
                "cust",
                "omer",
                "e",
                "id",
                "a",
                "1",
                "555-01",
                "STRASSE",
                "straße",
                "école",
                "ÉCOLE",
                "οδος",
                "i̇stanbul",
                "東京",
                "顧客",
                "😀",
                "c++",
                "edited1",
                "edited",
                "select",
                "SELECT COUNT(*)",
                "group by",
                "ORDER BY total DESC"));
        List<String> all = new ArrayList<>();
        texts.values().forEach(t -> {
            all.add(t[0]);
            all.add(t[1]);
        });
        for (int i = 0; i < 1500; i++) {
            String text = all.get(random.nextInt(all.size()));
            if (text.isEmpty()) {
                continue;
            }
            int from = random.nextInt(text.length());
            int to = Math.min(text.length(), from + 1 + random.nextInt(random.nextBoolean() ? 4 : 20));
            String phrase = text.substring(from, to);
            phrases.add(random.nextBoolean() ? phrase : mixCase(phrase, random));
        }
        phrases.add("no such words anywhere");
        phrases.add("zzzqqq");

        int exactAnswers = 0;
        for (String phrase : phrases) {
            BitSet expected = bruteForce(texts, phrase);
            TextIndex.Candidates got = index.candidates(phrase);
            BitSet missing = (BitSet) expected.clone();
            missing.andNot(got.ordinals());
            assertThat(missing).as("missed for phrase '%s'", phrase).isEqualTo(new BitSet());
            assertThat(got.ordinals().stream().allMatch(texts::containsKey))
                    .as("only added ordinals for '%s'", phrase)
                    .isTrue();
            if (got.exact()) {
                exactAnswers++;
                assertThat(got.ordinals()).as("exact for phrase '%s'", phrase).isEqualTo(expected);
            }
            if (isOneWord(phrase)) {
                assertThat(got.exact())
                        .as("a single word is answered exactly: '%s'", phrase)
                        .isTrue();
            }
        }
        assertThat(exactAnswers).isGreaterThan(100);
    }

    @Test
    void aPhraseMatchesInsideLongerWords() {
        index.add(0, "List all customers", "SELECT * FROM customers");
        index.add(1, "Orders by customer", "SELECT o.customer_id FROM orders o");
        index.add(2, "Students", "SELECT name FROM students");

        assertThat(index.candidates("omer")).isEqualTo(exact(0, 1));
        assertThat(index.candidates("cust")).isEqualTo(exact(0, 1));
        assertThat(index.candidates("er_i")).isEqualTo(exact(1));
        assertThat(index.candidates("_id")).isEqualTo(exact(1));
        assertThat(index.candidates("tudent")).isEqualTo(exact(2));
        assertThat(index.candidates("nothing")).isEqualTo(exact());
    }

    @Test
    void matchesIgnoreCaseAlsoBeyondAscii() {
        index.add(0, "Straße in München", "SELECT 1");
        index.add(1, "ÉCOLE", "SELECT * FROM écoles");
        index.add(2, "STRASSE", "select ÇA");

        assertThat(index.candidates("STRAẞE")).isEqualTo(exact(0)); // capital sharp s lower-cases to ß
        assertThat(index.candidates("straße")).isEqualTo(exact(0));
        assertThat(index.candidates("MÜNCH")).isEqualTo(exact(0));
        assertThat(index.candidates("strasse")).isEqualTo(exact(2));
        assertThat(index.candidates("école")).isEqualTo(exact(1));
        assertThat(index.candidates("Écoles")).isEqualTo(exact(1));
        assertThat(index.candidates("ÇA")).isEqualTo(exact(2));
        assertThat(index.candidates("SeLeCt")).isEqualTo(exact(0, 1, 2));
    }

    @Test
    void replaceDropsTheOldWordsAndAddsTheNewOnes() {
        index.add(0, "Show orders", "SELECT * FROM orders");
        index.add(1, "Show customers", "SELECT * FROM customers");
        index.replace(0, "Count invoices", "SELECT COUNT(*) FROM invoices");

        assertThat(index.candidates("orders")).isEqualTo(exact());
        assertThat(index.candidates("invoice")).isEqualTo(exact(0));
        assertThat(index.candidates("show")).isEqualTo(exact(1));
        assertThat(index.candidates("select")).isEqualTo(exact(0, 1));
        assertThat(index.candidates("count invoices").ordinals()).isEqualTo(bits(0));

        index.replace(0, "Show orders again", "SELECT 1");
        assertThat(index.candidates("invoice")).isEqualTo(exact());
        assertThat(index.candidates("orders")).isEqualTo(exact(0));
        index.add(2, "More orders", "SELECT 2");
        assertThat(index.candidates("orders")).isEqualTo(exact(0, 2));
    }

    @Test
    void phrasesWithPunctuationAreTheAndOfTheirWordsToVerify() {
        index.add(0, "Orders of jane.doe@example.com", "SELECT * FROM orders WHERE email = 'jane.doe@example.com'");
        index.add(1, "Example: the com port", "SELECT 1");
        index.add(2, "Discount of 100%_ today", "SELECT price * 0 FROM items");
        index.add(3, "Discount of 100 percent", "SELECT price FROM items WHERE x LIKE '%_'");

        TextIndex.Candidates email = index.candidates("example.com");
        assertThat(email.exact()).isFalse();
        assertThat(email.ordinals()).isEqualTo(bits(0, 1)); // 1 has both words but not the phrase: the store verifies
        assertThat(index.candidates("100%_")).isEqualTo(new TextIndex.Candidates(bits(2, 3), false));
        assertThat(index.candidates("@example.")).isEqualTo(new TextIndex.Candidates(bits(0, 1), false));
        assertThat(index.candidates(" jane ").exact()).isFalse(); // the spaces are part of the phrase
        assertThat(index.candidates("jane doe items")).isEqualTo(new TextIndex.Candidates(bits(), false));
    }

    @Test
    void aPhraseWithoutWordCharactersMatchesEveryOrdinalToVerify() {
        index.add(3, "a", "b");
        index.add(10, "c", "d");
        index.add(200, "e", "f");

        for (String phrase : new String[] {"", " ", "%%", "%", "'", "()", "😀", "-- ;"}) {
            assertThat(index.candidates(phrase))
                    .as(phrase)
                    .isEqualTo(new TextIndex.Candidates(bits(3, 10, 200), false));
        }
        assertThat(index.candidates("_")).isEqualTo(exact()); // '_' is a word character, and no word has one
    }

    @Test
    void ordinalsMustIncreaseAndBeKnownToBeReplaced() {
        index.add(5, "a", "b");
        assertThatThrownBy(() -> index.add(5, "c", "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.add(4, "c", "d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.replace(3, "c", "d")).isInstanceOf(IllegalArgumentException.class);
        index.add(6, null, null);
        assertThat(index.candidates("a")).isEqualTo(exact(5));
    }

    @Test
    void readsWhileAddingDoNotFailAndSeeWholeAdds() throws Exception {
        List<Pair> pairs = new SyntheticPairs(3).list(40_000);
        Map<Integer, String[]> texts = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            texts.put(i, new String[] {pairs.get(i).question(), pairs.get(i).sql()});
        }
        BitSet customer = bruteForce(texts, "customer");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                results.add(readers.submit(() -> {
                    int queries = 0;
                    while (writing.get() || queries == 0) {
                        int before = index.candidates("%%").ordinals().cardinality();
                        BitSet got = index.candidates("customer").ordinals();
                        index.candidates("e");
                        index.candidates("select name");
                        index.candidates("example.com");
                        BitSet after = index.candidates("%%").ordinals();
                        assertThat(after.nextClearBit(0)).isEqualTo(after.cardinality()); // ordinals 0..n-1, no holes
                        BitSet beyond = (BitSet) got.clone();
                        beyond.andNot(after);
                        assertThat(beyond).isEqualTo(new BitSet());
                        got.clear(before, Integer.MAX_VALUE);
                        assertThat(got).isEqualTo(customer.get(0, before)); // both texts of every pair seen
                        queries++;
                    }
                    return queries;
                }));
            }
            for (int i = 0; i < pairs.size(); i++) {
                index.add(i, pairs.get(i).question(), pairs.get(i).sql());
                if (i % 5000 == 0) { // same words plus one: "customer" keeps its answer
                    index.replace(
                            i / 2,
                            pairs.get(i / 2).question() + " edited",
                            pairs.get(i / 2).sql());
                }
            }
            writing.set(false);
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(index.candidates("%%").ordinals().cardinality()).isEqualTo(pairs.size());
        assertThat(index.candidates("edited").ordinals().cardinality()).isEqualTo(8);
    }

    private static BitSet bruteForce(Map<Integer, String[]> texts, String phrase) {
        String needle = phrase.toLowerCase(Locale.ROOT);
        BitSet out = new BitSet();
        texts.forEach((ordinal, t) -> {
            if (t[0].toLowerCase(Locale.ROOT).contains(needle)
                    || t[1].toLowerCase(Locale.ROOT).contains(needle)) {
                out.set(ordinal);
            }
        });
        return out;
    }

    private static boolean isOneWord(String phrase) {
        String lowered = phrase.toLowerCase(Locale.ROOT);
        return !lowered.isEmpty() && lowered.chars().allMatch(c -> c == '_' || Character.isLetterOrDigit((char) c));
    }

    private static String mixCase(String text, Random random) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static <T> T pick(Random random, T[] items) {
        return items[random.nextInt(items.length)];
    }

    private static TextIndex.Candidates exact(int... ordinals) {
        return new TextIndex.Candidates(bits(ordinals), true);
    }

    private static BitSet bits(int... ordinals) {
        BitSet out = new BitSet();
        for (int o : ordinals) {
            out.set(o);
        }
        return out;
    }
}
