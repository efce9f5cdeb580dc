package dev.pairstudio.demo;

import dev.pairstudio.pair.Pair;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The one generator of realistic synthetic pairs: demo data on first start, test fixtures and
 * benchmark input ({@code pairstudio generate}). Deterministic for a seed. Over five schemas
 * and four dialects it writes every statement type, about 3% PII in the question and the SQL
 * literals (reserved domains, fictional phone ranges, test card numbers), exact and near
 * duplicates, conflicts, failed executions, and a year of timestamps.
 */
public final class SyntheticPairs {
    private static final Instant END = Instant.parse("2025-12-31T23:59:59Z");
    private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();
    private static final String[] DIALECTS = {"postgresql", "postgresql", "mysql", "sqlite", "sqlserver"};
    private static final String[] CITIES = {
        "Lisbon", "Osaka", "Denver", "Nairobi", "Oslo", "Austin", "Lyon", "Pune", "Quito", "Perth"
    };
    private static final String[] FIRST = {"jane", "omar", "li", "ana", "sven", "maria", "kofi", "yuki", "ravi", "lena"
    };
    private static final String[] LAST = {
        "doe", "haddad", "wei", "silva", "berg", "rossi", "mensah", "sato", "iyer", "novak"
    };
    private static final String[] TEST_CARDS = {
        "4111 1111 1111 1111", "5555555555554444", "3782 822463 10005", "6011-1111-1111-1117", "4012888888881881"
    };

    private final SplittableRandom random;
    private final List<Pair> recent = new ArrayList<>();
    private long counter;

    public SyntheticPairs(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Writes {@code count} pairs to {@code sink}, one at a time (constant memory). */
    public void generate(long count, Consumer<Pair> sink) {
        for (long i = 0; i < count; i++) {
            sink.accept(next());
        }
    }

    public List<Pair> list(int count) {
        List<Pair> out = new ArrayList<>(count);
        generate(count, out::add);
        return out;
    }

    public Pair next() {
        counter++;
        int roll = random.nextInt(1000);
        Pair pair;
        if (roll < 20 && !recent.isEmpty()) {
            pair = exactDuplicate();
        } else if (roll < 40 && !recent.isEmpty()) {
            pair = nearDuplicate();
        } else if (roll < 50 && !recent.isEmpty()) {
            pair = conflict();
        } else {
            pair = fresh(roll >= 970);
        }
        if (recent.size() < 64) {
            recent.add(pair);
        } else {
            recent.set(random.nextInt(64), pair);
        }
        return pair;
    }

    private Pair fresh(boolean withPii) {
        String dialect = pick(DIALECTS);
        Schema schema = pick(Schema.values());
        String[] qs = withPii ? piiTemplate(schema, dialect) : template(schema, dialect);
        boolean success = random.nextInt(100) >= 8;
        // insertion order, not Map.of's: its iteration order changes from JVM to JVM, and one seed must give one file
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (random.nextInt(4) == 0) {
            metadata.put("assistant", "sql-copilot");
            metadata.put("session", "s-" + Long.toHexString(random.nextLong() & 0xffffffL));
        }
        return new Pair(
                uuid(),
                qs[0],
                qs[1],
                timestamp(),
                dialect,
                schema.database,
                List.of(),
                success,
                executionTime(success),
                metadata);
    }

    private Pair exactDuplicate() {
        Pair p = pick(recent);
        return askedAgain(p, p.question());
    }

    /** {@code p} asked again now, as {@code question}: a new pair with p's SQL, database and outcome. */
    private Pair askedAgain(Pair p, String question) {
        return new Pair(
                uuid(),
                question,
                p.sql(),
                timestamp(),
                p.databaseType(),
                p.databaseName(),
                List.of(),
                p.success(),
                p.executionTimeMs(),
                p.metadata());
    }

    /** Same meaning, slightly different words: what MinHash near-duplicate detection should catch. */
    private Pair nearDuplicate() {
        Pair p = pick(recent);
        String q = p.question();
        String changed = q.startsWith("Show ")
                ? "List " + q.substring(5)
                : q.startsWith("List ")
                        ? "Show " + q.substring(5)
                        : q.endsWith("?") ? q.substring(0, q.length() - 1) + " please?" : q + " please";
        return askedAgain(p, changed);
    }

    /** Same question, different SQL: a reviewer must decide which is right. */
    private Pair conflict() {
        Pair p = pick(recent);
        String sql = p.sql().contains("COUNT(*)")
                ? p.sql().replace("COUNT(*)", "COUNT(DISTINCT id)")
                : p.sql().endsWith(";") ? p.sql() : p.sql() + " LIMIT 1000";
        return new Pair(
                uuid(),
                p.question(),
                sql,
                timestamp(),
                p.databaseType(),
                p.databaseName(),
                List.of(),
                random.nextBoolean(),
                executionTime(true),
                Map.of());
    }

    private String[] template(Schema s, String dialect) {
        String city = pick(CITIES);
        int n = 1 + random.nextInt(50);
        int year = 2019 + random.nextInt(7);
        switch (random.nextInt(20)) {
            case 0:
                return q("How many " + s.entity + " are there?", "SELECT COUNT(*) FROM " + s.main);
            case 1:
                return q(
                        "List the names of " + s.entity + " in " + city + ".",
                        "SELECT name FROM " + s.main + " WHERE city = '" + city + "'");
            case 2:
                return q(
                        "What is the average " + s.measure + " of " + s.entity + "?",
                        "SELECT AVG(" + s.measure + ") FROM " + s.main);
            case 3:
                return q(
                        "Show the total " + s.measure + " for each " + s.groupLabel + ".",
                        "SELECT g.name, SUM(m." + s.measure + ") AS total FROM " + s.main + " m JOIN " + s.group
                                + " g ON m." + s.groupKey + " = g.id GROUP BY g.name ORDER BY total DESC");
            case 4:
                return q("Which " + n + " " + s.entity + " have the highest " + s.measure + "?", topN(s, dialect, n));
            case 5:
                return q(
                        "List " + s.entity + " together with their " + s.groupLabel + " name.",
                        "SELECT m.name, g.name FROM " + s.main + " m, " + s.group + " g WHERE m." + s.groupKey
                                + " = g.id");
            case 6:
                return q(
                        "Which " + s.groupLabel + "s have more than " + n + " " + s.entity + "?",
                        "SELECT g.name FROM " + s.group + " g WHERE g.id IN (SELECT " + s.groupKey + " FROM " + s.main
                                + " GROUP BY " + s.groupKey + " HAVING COUNT(*) > " + n + ")");
            case 7:
                return q(
                        "For each " + s.groupLabel + ", rank " + s.entity + " by " + s.measure + ".",
                        "SELECT name, " + s.groupKey + ", RANK() OVER (PARTITION BY " + s.groupKey + " ORDER BY "
                                + s.measure + " DESC) AS rnk FROM " + s.main);
            case 8:
                return q(
                        "What share of " + s.entity + " were added in " + year + "?",
                        "WITH yearly AS (SELECT COUNT(*) AS c FROM " + s.main + " WHERE created_at >= '" + year
                                + "-01-01' AND created_at < '" + (year + 1)
                                + "-01-01'), total AS (SELECT COUNT(*) AS c FROM "
                                + s.main + ") SELECT yearly.c * 100.0 / total.c FROM yearly, total");
            case 9:
                return q(
                        "List the names of " + s.entity + " and " + s.groupLabel + "s in " + city + ".",
                        "SELECT name FROM " + s.main + " WHERE city = '" + city + "' UNION SELECT name FROM " + s.group
                                + " WHERE city = '" + city + "'");
            case 10:
                return q(
                        "Show " + s.entity + " with a " + s.measure + " between " + n + " and " + (n * 10) + ".",
                        "SELECT * FROM " + qualified(s, dialect) + " WHERE " + s.measure + " BETWEEN " + n + " AND "
                                + (n * 10));
            case 11:
                return q(
                        "How many " + s.entity + " were created each month of " + year + "?",
                        "SELECT EXTRACT(MONTH FROM created_at) AS month, COUNT(*) FROM " + s.main
                                + " WHERE EXTRACT(YEAR FROM created_at) = " + year
                                + " GROUP BY EXTRACT(MONTH FROM created_at) ORDER BY month");
            case 12:
                return q(
                        "Add a new " + s.singular + " called " + city + " " + s.singular + " with " + s.measure + " "
                                + n + ".",
                        "INSERT INTO " + s.main + " (name, " + s.measure + ", city) VALUES ('" + city + " " + s.singular
                                + "', " + n + ", '" + city + "')");
            case 13:
                return q(
                        "Increase the " + s.measure + " of " + s.singular + " " + n + " by 10 percent.",
                        "UPDATE " + s.main + " SET " + s.measure + " = " + s.measure + " * 1.1 WHERE id = " + n);
            case 14:
                return q(
                        "Delete " + s.entity + " created before " + year + ".",
                        "DELETE FROM " + s.main + " WHERE created_at < '" + year + "-01-01'");
            case 15:
                return random.nextInt(3) == 0
                        ? q(
                                "Create a table for archived " + s.entity + ".",
                                "CREATE TABLE " + s.main
                                        + "_archive (id INT PRIMARY KEY, name VARCHAR(200), archived_at TIMESTAMP)")
                        : random.nextBoolean()
                                ? q(
                                        "Add a notes column to " + s.entity + ".",
                                        "ALTER TABLE " + s.main + " ADD COLUMN notes TEXT")
                                : q(
                                        "Remove the temporary " + s.singular + " import table.",
                                        "DROP TABLE IF EXISTS " + s.main + "_import_tmp");
            case 16:
                return q(
                        "Merge the staged " + s.entity + " into the main table.",
                        "MERGE INTO " + s.main + " t USING " + s.main
                                + "_staging s ON t.id = s.id WHEN MATCHED THEN UPDATE SET name = s.name"
                                + " WHEN NOT MATCHED THEN INSERT (id, name) VALUES (s.id, s.name)");
            case 17:
                return q(
                        "Which " + s.entity + " have no " + s.groupLabel + "?",
                        "SELECT m.name FROM " + s.main + " m LEFT JOIN " + s.group + " g ON m." + s.groupKey
                                + " = g.id WHERE g.id IS NULL");
            case 18:
                return q(
                        "What is the maximum " + s.measure + " among " + s.entity + " in " + city + "?",
                        "SELECT MAX(" + s.measure + ") FROM " + s.main + " WHERE city = '" + city + "'");
            default:
                return q(
                        "Show " + s.entity + " whose name starts with " + city.charAt(0) + ".",
                        "SELECT * FROM " + s.main + " WHERE name LIKE '" + city.charAt(0) + "%' ORDER BY name");
        }
    }

    /** A question and SQL that share one personal value (the seed leaked exactly these literals). */
    private String[] piiTemplate(Schema s, String dialect) {
        String first = pick(FIRST);
        String last = pick(LAST);
        switch (random.nextInt(4)) {
            case 0: {
                String email = first + "." + last + (random.nextBoolean() ? "" : "+" + random.nextInt(100)) + "@"
                        + pick(new String[] {"example.com", "example.org", "mail.example.net"});
                return q(
                        "Show all " + s.entity + " of the customer " + email + ".",
                        "SELECT m.* FROM " + s.main + " m JOIN customers c ON m.customer_id = c.id WHERE c.email = '"
                                + email + "'");
            }
            case 1: {
                String phone = "(" + (200 + random.nextInt(700)) + ") 555-01"
                        + String.format(Locale.ROOT, "%02d", random.nextInt(100));
                return q(
                        "Find the customer whose phone number is " + phone + ".",
                        "SELECT id, name FROM customers WHERE phone = '" + phone + "'");
            }
            case 2: {
                String ssn = String.format(
                        Locale.ROOT,
                        "%03d-%02d-%04d",
                        100 + random.nextInt(500),
                        1 + random.nextInt(98),
                        1 + random.nextInt(9998));
                return q(
                        "Which employee has the SSN " + ssn + "?",
                        "SELECT name FROM employees WHERE ssn = '" + ssn + "'");
            }
            default: {
                String card = pick(TEST_CARDS);
                return q(
                        "List payments made with card " + card + ".",
                        "SELECT * FROM payments WHERE card_number = '" + card.replaceAll("[ -]", "")
                                + "' ORDER BY paid_at DESC");
            }
        }
    }

    private String topN(Schema s, String dialect, int n) {
        if (dialect.equals("sqlserver")) {
            return "SELECT TOP " + n + " name, " + s.measure + " FROM " + s.main + " ORDER BY " + s.measure + " DESC";
        }
        return "SELECT name, " + s.measure + " FROM " + s.main + " ORDER BY " + s.measure + " DESC LIMIT " + n;
    }

    private String qualified(Schema s, String dialect) {
        switch (dialect) {
            case "mysql":
                return "`" + s.database + "`.`" + s.main + "`";
            case "sqlserver":
                return "[dbo].[" + s.main + "]";
            case "postgresql":
                return "public." + s.main;
            default:
                return s.main;
        }
    }

    private static String[] q(String question, String sql) {
        return new String[] {question, sql};
    }

    private Instant timestamp() {
        long seconds = random.nextLong(YEAR_SECONDS);
        long micros = random.nextInt(1_000_000);
        return END.minusSeconds(seconds).plusNanos(micros * 1000);
    }

    private BigDecimal executionTime(boolean success) {
        if (!success && random.nextBoolean()) {
            return null;
        }
        return BigDecimal.valueOf(random.nextInt(500_000), 2);
    }

    private String uuid() {
        return new UUID(
                        (random.nextLong() & ~0xF000L) | 0x4000L,
                        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                .toString();
    }

    private <T> T pick(T[] items) {
        return items[random.nextInt(items.length)];
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A small schema: main table, its grouping table and a numeric measure. */
    private enum Schema {
        SHOP("shop", "orders", "order", "orders", "customers", "customer", "customer_id", "amount"),
        HR("hr", "employees", "employee", "employees", "departments", "department", "department_id", "salary"),
        SCHOOL("school", "students", "student", "students", "courses", "course", "course_id", "grade"),
        FLIGHTS("flights", "flights", "flight", "flights", "airlines", "airline", "airline_id", "duration_minutes"),
        MUSIC("music", "tracks", "track", "tracks", "albums", "album", "album_id", "play_count");

        final String database;
        final String entity;
        final String singular;
        final String main;
        final String group;
        final String groupLabel;
        final String groupKey;
        final String measure;

        Schema(
                String database,
                String entity,
                String singular,
                String main,
                String group,
                String groupLabel,
                String groupKey,
                String measure) {
            this.database = database;
            this.entity = entity;
            this.singular = singular;
            this.main = main;
            this.group = group;
            this.groupLabel = groupLabel;
            this.groupKey = groupKey;
            this.measure = measure;
        }
    }
}
