package dev.pairstudio.testing;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.pair.Pair;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The window and dashboard tests' dataset: 300 synthetic pairs and one whose question and SQL
 * hold a customer's e-mail address, analysed and grouped; built once per test run, a fresh copy
 * for each test.
 */
public final class PairsWithAnEmail {
    /** How many pairs the dataset holds. */
    public static final int COUNT = 301;
    /** The pair with the address. */
    public static final String PAIR_ID = "pii-1";
    /** The address, in its question and its SQL. */
    public static final String EMAIL = "zed.quill@example.org";

    private PairsWithAnEmail() {}

    /** A fresh copy of the database; build it off the FX thread first ({@code @BeforeAll}), since the first call analyses. */
    public static Path copy() {
        return TestDatabases.copyOf("pairs-with-an-email", PairsWithAnEmail::pairs);
    }

    private static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>(new SyntheticPairs(7).list(COUNT - 1));
        pairs.add(TestPair.of(
                        PAIR_ID,
                        "Show all orders of " + EMAIL + " placed last week",
                        "SELECT * FROM orders o JOIN customers c ON o.customer_id = c.id WHERE c.email = '" + EMAIL
                                + "'")
                .at("2026-01-05T09:00:00Z")
                .build());
        return pairs;
    }
}
