package dev.pairstudio.sql;

import dev.pairstudio.pair.QueryType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds text-to-SQL queries in the style of Spider, BIRD and WikiSQL from templates with a fixed
 * seed. Each template knows which tables it mentions and what statement it builds, so the
 * expectations come from the construction, never from the analyser.
 */
final class FixtureGenerator {

    /** A table of the synthetic schemas with a few columns; numeric columns first. */
    record Schema(String name, String key, String[] numeric, String[] text) {}

    static final Schema[] SCHEMAS = {
        new Schema(
                "singer", "singer_id", new String[] {"age", "net_worth"}, new String[] {"name", "country", "song_name"
                }),
        new Schema(
                "concert", "concert_id", new String[] {"year", "stadium_id"}, new String[] {"concert_name", "theme"}),
        new Schema("stadium", "stadium_id", new String[] {"capacity", "average"}, new String[] {"name", "location"}),
        new Schema("employees", "employee_id", new String[] {"salary", "department_id"}, new String[] {
            "first_name", "email"
        }),
        new Schema("departments", "department_id", new String[] {"budget", "manager_id"}, new String[] {
            "department_name", "city"
        }),
        new Schema("orders", "order_id", new String[] {"amount", "customer_id"}, new String[] {"status", "order_date"}),
        new Schema("customers", "customer_id", new String[] {"credit_limit", "region_id"}, new String[] {
            "customer_name", "phone"
        }),
        new Schema(
                "products", "product_id", new String[] {"price", "stock"}, new String[] {"product_name", "category"}),
        new Schema("students", "student_id", new String[] {"gpa", "age"}, new String[] {"last_name", "major"}),
        new Schema("courses", "course_id", new String[] {"credits", "dept_id"}, new String[] {"title", "instructor"}),
        new Schema("flights", "flight_id", new String[] {"distance", "price"}, new String[] {"origin", "destination"}),
        new Schema("airlines", "airline_id", new String[] {"fleet_size", "founded"}, new String[] {
            "airline_name", "country"
        }),
    };

    private static final String[] DIALECTS = {null, "postgresql", "mysql", "sqlite", "sqlserver", "oracle"};
    private static final String[] WORDS = {
        "Alice", "Bob's", "Paris", "rock", "pending", "O'Brien", "2021-05-01", "x@y.org", "blue", "NY"
    };

    private final Random random;

    FixtureGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** A table mention: how it is written and the name the analyser must report. */
    record Ref(String sql, String expected) {}

    List<FixtureQuery> generate(int count) {
        List<Function<String, FixtureQuery>> templates = List.of(
                this::simpleSelect,
                this::aggregate,
                this::join,
                this::commaJoin,
                this::nestedIn,
                this::derivedTable,
                this::cte,
                this::recursiveCte,
                this::setOperation,
                this::window,
                this::dialectSpecific,
                this::insert,
                this::insertSelect,
                this::update,
                this::delete,
                this::upsert,
                this::merge,
                this::ddl,
                this::existsScalar,
                this::extractSelect);
        List<FixtureQuery> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String dialect = DIALECTS[random.nextInt(DIALECTS.length)];
            out.add(templates.get(i % templates.size()).apply(dialect));
        }
        return out;
    }

    // ---- templates ----

    private FixtureQuery simpleSelect(String d) {
        Schema s = schema();
        Ref t = ref(s, d);
        String sql = "SELECT " + top(d) + col(s.text()) + ", " + col(s.numeric()) + " FROM " + t.sql()
                + " WHERE " + col(s.numeric()) + " " + op() + " " + number()
                + (random.nextBoolean() ? " AND " + col(s.text()) + " = " + string(d) : "")
                + " ORDER BY " + col(s.numeric()) + (random.nextBoolean() ? " DESC" : "") + limit(d);
        return q(sql, d, QueryType.SELECT, t);
    }

    private FixtureQuery aggregate(String d) {
        Schema s = schema();
        Ref t = ref(s, d);
        String agg = pick(
                "COUNT(*)",
                "AVG(" + col(s.numeric()) + ")",
                "MAX(" + col(s.numeric()) + ")",
                "SUM(" + col(s.numeric()) + ")");
        String sql = "SELECT " + col(s.text()) + ", " + agg + " FROM " + t.sql() + " GROUP BY " + col(s.text())
                + (random.nextBoolean() ? " HAVING COUNT(*) > " + number() : "");
        return q(sql, d, QueryType.SELECT, t);
    }

    private FixtureQuery join(String d) {
        Schema a = schema();
        Schema b = other(a);
        Ref ta = ref(a, d);
        Ref tb = ref(b, d);
        String kind = pick("JOIN", "INNER JOIN", "LEFT JOIN", "LEFT OUTER JOIN");
        String sql = "SELECT T1." + col(a.text()) + ", T2." + col(b.text()) + " FROM " + ta.sql() + " AS T1 " + kind
                + " "
                + tb.sql() + " AS T2 ON T1." + a.key() + " = T2." + a.key() + " WHERE T2." + col(b.numeric()) + " "
                + op() + " " + number();
        if (random.nextBoolean()) {
            Schema c = other(b);
            Ref tc = ref(c, d);
            sql = sql.replace(" WHERE ", " JOIN " + tc.sql() + " T3 ON T3." + c.key() + " = T2." + c.key() + " WHERE ");
            return q(sql, d, QueryType.SELECT, ta, tb, tc);
        }
        return q(sql, d, QueryType.SELECT, ta, tb);
    }

    private FixtureQuery commaJoin(String d) {
        Schema a = schema();
        Schema b = other(a);
        Ref ta = ref(a, d);
        Ref tb = ref(b, d);
        String sql = "SELECT a." + col(a.text()) + " FROM " + ta.sql() + " a, " + tb.sql() + " AS b WHERE a." + a.key()
                + " = b." + a.key() + " AND b." + col(b.text()) + " LIKE " + quote("%" + word() + "%");
        return q(sql, d, QueryType.SELECT, ta, tb);
    }

    private FixtureQuery nestedIn(String d) {
        Schema a = schema();
        Schema b = other(a);
        Ref ta = ref(a, d);
        Ref tb = ref(b, d);
        String sql = "SELECT " + col(a.text()) + " FROM " + ta.sql() + " WHERE " + a.key() + pick(" IN ", " NOT IN ")
                + "(SELECT " + a.key() + " FROM " + tb.sql() + " WHERE " + col(b.numeric()) + " IN (" + number() + ", "
                + number() + ", " + number() + "))";
        if (random.nextBoolean()) {
            Schema c = other(b);
            Ref tc = ref(c, d);
            sql = sql.substring(0, sql.length() - 1) + " AND " + b.key() + " IN (SELECT " + b.key() + " FROM "
                    + tc.sql() + "))";
            return q(sql, d, QueryType.SELECT, ta, tb, tc);
        }
        return q(sql, d, QueryType.SELECT, ta, tb);
    }

    private FixtureQuery derivedTable(String d) {
        Schema a = schema();
        Ref ta = ref(a, d);
        String sql = "SELECT sub." + col(a.text()) + ", sub.total FROM (SELECT " + col(a.text())
                + ", COUNT(*) AS total FROM " + ta.sql() + " GROUP BY " + col(a.text()) + ") AS sub WHERE sub.total > "
                + number() + " ORDER BY sub.total DESC";
        return q(sql, d, QueryType.SELECT, ta);
    }

    private FixtureQuery cte(String d) {
        Schema a = schema();
        Schema b = other(a);
        Ref ta = ref(a, d);
        Ref tb = ref(b, d);
        String cteName = pick("recent", "Top_Items", "stats", "filtered", "ranked");
        String sql = "WITH " + cteName + " AS (SELECT " + a.key() + ", " + col(a.numeric()) + " FROM " + ta.sql()
                + " WHERE "
                + col(a.numeric()) + " >= " + number() + ")\nSELECT x." + a.key() + " FROM " + cteName.toLowerCase()
                + " x JOIN " + tb.sql() + " y ON x." + a.key() + " = y." + a.key();
        if (random.nextBoolean()) {
            Schema c = other(b);
            Ref tc = ref(c, d);
            sql = sql.replace(")\nSELECT", "), other_cte AS (SELECT " + c.key() + " FROM " + tc.sql() + ")\nSELECT")
                    + " WHERE y." + c.key() + " IN (SELECT " + c.key() + " FROM other_cte)";
            return q(sql, d, QueryType.SELECT, ta, tb, tc);
        }
        return q(sql, d, QueryType.SELECT, ta, tb);
    }

    private FixtureQuery recursiveCte(String d) {
        Schema a = pickSchema("employees", "departments");
        Ref ta = ref(a, d);
        String rec = "sqlserver".equals(d) || "oracle".equals(d) ? "" : "RECURSIVE ";
        String sql = "WITH " + rec + "chain(id, lvl) AS (SELECT " + a.key() + ", 1 FROM " + ta.sql() + " WHERE "
                + a.numeric()[1]
                + " IS NULL UNION ALL SELECT e." + a.key() + ", c.lvl + 1 FROM " + ta.sql() + " e JOIN chain c ON e."
                + a.numeric()[1] + " = c.id WHERE c.lvl < " + number() + ") SELECT id, lvl FROM chain ORDER BY lvl";
        return q(sql, d, QueryType.SELECT, ta);
    }

    private FixtureQuery setOperation(String d) {
        Schema a = schema();
        Schema b = other(a);
        Ref ta = ref(a, d);
        Ref tb = ref(b, d);
        String op = pick("UNION", "UNION ALL", "INTERSECT", "EXCEPT");
        String sql = "SELECT " + col(a.text()) + " FROM " + ta.sql() + " WHERE " + col(a.numeric()) + " > " + number()
                + " " + op + " SELECT " + col(b.text()) + " FROM " + tb.sql() + " WHERE " + col(b.numeric()) + " < "
                + number();
        return q(sql, d, QueryType.SELECT, ta, tb);
    }

    private FixtureQuery window(String d) {
        Schema a = schema();
        Ref ta = ref(a, d);
        String fn = pick("RANK()", "ROW_NUMBER()", "DENSE_RANK()", "SUM(" + col(a.numeric()) + ")");
        String sql = "SELECT " + col(a.text()) + ", " + fn + " OVER (PARTITION BY " + col(a.text()) + " ORDER BY "
                + col(a.numeric()) + " DESC) AS rnk FROM " + ta.sql();
        return q(sql, d, QueryType.SELECT, ta);
    }

    private FixtureQuery dialectSpecific(String d) {
        Schema a = schema();
        Ref ta = ref(a, d);
        String n = col(a.numeric());
        String t = col(a.text());
        String sql;
        if ("postgresql".equals(d)) {
            sql = "SELECT DATE_TRUNC('month', created_at) AS m, " + n + "::numeric(10,2) FROM " + ta.sql() + " WHERE "
                    + t + " ILIKE " + quote(word() + "%") + " AND created_at > NOW() - INTERVAL '7 days'";
        } else if ("mysql".equals(d)) {
            sql = "SELECT DATE_FORMAT(created_at, '%Y-%m') AS m, COUNT(*) FROM " + ta.sql() + " WHERE " + t + " = \""
                    + word().replace("'", "") + "\" GROUP BY m LIMIT " + number() + ", " + number();
        } else if ("sqlserver".equals(d)) {
            sql = "SELECT TOP " + number() + " " + t + ", ISNULL(" + n + ", 0) FROM " + ta.sql()
                    + " WHERE created_at > DATEADD(day, -7, GETDATE())";
        } else if ("sqlite".equals(d)) {
            sql = "SELECT strftime('%Y', created_at) AS y, COUNT(*) FROM " + ta.sql() + " GROUP BY y HAVING COUNT(*) > "
                    + number();
        } else if ("oracle".equals(d)) {
            sql = "SELECT " + t + ", NVL(" + n + ", 0) FROM " + ta.sql() + " ORDER BY " + n + " DESC FETCH FIRST "
                    + number() + " ROWS ONLY";
        } else {
            sql = "SELECT CAST(" + n + " AS DECIMAL(10, 2)), COALESCE(" + t + ", 'n/a') FROM " + ta.sql() + " WHERE "
                    + n + " BETWEEN " + number() + " AND " + number();
        }
        return q(sql, d, QueryType.SELECT, ta);
    }

    private FixtureQuery insert(String d) {
        Schema a = schema();
        Ref ta = ref(a, d);
        String sql =
                "INSERT INTO " + ta.sql() + " (" + a.key() + ", " + a.text()[0] + ", " + a.numeric()[0] + ") VALUES ("
                        + number() + ", " + string(d) + ", " + number() + ")"
                        + (random.nextBoolean() ? ", (" + number() + ", " + string(d) + ", " + number() + ")" : "");
        return q(sql, d, QueryType.INSERT, ta);
    }

    private FixtureQuery insertSelect(String d) {
        Schema a = schema();
        Schema b = other(a);
        Ref ta = ref(a, d);
        Ref tb = ref(b, d);
        String sql = "INSERT INTO " + ta.sql() + " (" + a.key() + ") SELECT " + b.key() + " FROM " + tb.sql()
                + " WHERE " + col(b.numeric()) + " > " + number();
        return q(sql, d, QueryType.INSERT, ta, tb);
    }

    private FixtureQuery update(String d) {
        Schema a = schema();
        Ref ta = ref(a, d);
        if (random.nextBoolean()) {
            Schema b = other(a);
            Ref tb = ref(b, d);
            String sql = "UPDATE " + ta.sql() + " SET " + a.numeric()[0] + " = " + a.numeric()[0] + " * 1.1 WHERE "
                    + a.key() + " IN (SELECT " + a.key() + " FROM " + tb.sql() + " WHERE " + col(b.text()) + " = "
                    + string(d) + ")";
            return q(sql, d, QueryType.UPDATE, ta, tb);
        }
        String sql = "UPDATE " + ta.sql() + " SET " + a.text()[0] + " = " + string(d) + ", " + a.numeric()[0] + " = "
                + number() + " WHERE " + a.key() + " = " + number();
        return q(sql, d, QueryType.UPDATE, ta);
    }

    private FixtureQuery delete(String d) {
        Schema a = schema();
        Ref ta = ref(a, d);
        if (random.nextBoolean()) {
            Schema b = other(a);
            Ref tb = ref(b, d);
            String sql = "DELETE FROM " + ta.sql() + " WHERE " + a.key() + " NOT IN (SELECT " + a.key() + " FROM "
                    + tb.sql() + ")";
            return q(sql, d, QueryType.DELETE, ta, tb);
        }
        String sql = "DELETE FROM " + ta.sql() + " WHERE " + col(a.text()) + " = " + string(d) + " AND "
                + col(a.numeric()) + " < " + number();
        return q(sql, d, QueryType.DELETE, ta);
    }

    private FixtureQuery upsert(String d) {
        Schema a = schema();
        if ("mysql".equals(d)) {
            Ref ta = ref(a, d);
            boolean replace = random.nextBoolean();
            String sql = replace
                    ? "REPLACE INTO " + ta.sql() + " (" + a.key() + ", " + a.text()[0] + ") VALUES (" + number() + ", "
                            + string(d) + ")"
                    : "INSERT INTO " + ta.sql() + " (" + a.key() + ", " + a.numeric()[0] + ") VALUES (" + number()
                            + ", " + number() + ") ON DUPLICATE KEY UPDATE " + a.numeric()[0] + " = " + a.numeric()[0]
                            + " + 1";
            return q(sql, d, QueryType.MERGE, ta);
        }
        Ref ta = ref(a, "postgresql".equals(d) || "sqlite".equals(d) ? d : null);
        boolean doNothing = random.nextInt(3) == 0;
        String sql = "INSERT INTO " + ta.sql() + " (" + a.key() + ", " + a.text()[0] + ") VALUES (" + number() + ", "
                + string(d) + ") ON CONFLICT (" + a.key() + ") "
                + (doNothing ? "DO NOTHING" : "DO UPDATE SET " + a.text()[0] + " = EXCLUDED." + a.text()[0]);
        return q(sql, "sqlite".equals(d) ? d : "postgresql", doNothing ? QueryType.INSERT : QueryType.MERGE, ta);
    }

    private FixtureQuery merge(String d) {
        Schema a = schema();
        Schema b = other(a);
        String dialect = pick("oracle", "sqlserver", "postgresql");
        Ref ta = ref(a, dialect);
        Ref tb = ref(b, dialect);
        String sql =
                "MERGE INTO " + ta.sql() + " t USING " + tb.sql() + " s ON (t." + a.key() + " = s." + a.key() + ") "
                        + "WHEN MATCHED THEN UPDATE SET t." + a.numeric()[0] + " = s." + b.numeric()[0] + " "
                        + "WHEN NOT MATCHED THEN INSERT (" + a.key() + ", " + a.numeric()[0] + ") VALUES (s." + a.key()
                        + ", s." + b.numeric()[0] + ")";
        return q(sql, dialect, QueryType.MERGE, ta, tb);
    }

    private FixtureQuery ddl(String d) {
        Schema a = schema();
        Ref ta = ref(a, d);
        switch (random.nextInt(5)) {
            case 0:
                return q(
                        "CREATE TABLE " + ta.sql() + " (" + a.key() + " INT PRIMARY KEY, " + a.text()[0]
                                + " VARCHAR(100) NOT NULL, " + a.numeric()[0] + " DECIMAL(10, 2) DEFAULT 0)",
                        d,
                        QueryType.CREATE,
                        ta);
            case 1:
                return q(
                        "ALTER TABLE " + ta.sql() + " ADD " + a.text()[1] + "_note VARCHAR(255)",
                        d,
                        QueryType.ALTER,
                        ta);
            case 2:
                return q("DROP TABLE " + (random.nextBoolean() ? "IF EXISTS " : "") + ta.sql(), d, QueryType.DROP, ta);
            case 3:
                return q(
                        "CREATE INDEX idx_" + a.name() + "_" + a.numeric()[0] + " ON " + ta.sql() + " ("
                                + a.numeric()[0] + ")",
                        d,
                        QueryType.CREATE,
                        ta);
            default:
                Ref view = new Ref("v_" + a.name(), "v_" + a.name());
                return q(
                        "CREATE VIEW " + view.sql() + " AS SELECT " + a.key() + ", " + a.text()[0] + " FROM " + ta.sql()
                                + " WHERE " + a.numeric()[0] + " > " + number(),
                        d,
                        QueryType.CREATE,
                        view,
                        ta);
        }
    }

    private FixtureQuery existsScalar(String d) {
        Schema a = schema();
        Schema b = other(a);
        Ref ta = ref(a, d);
        Ref tb = ref(b, d);
        String sql = random.nextBoolean()
                ? "SELECT " + col(a.text()) + " FROM " + ta.sql() + " t WHERE EXISTS (SELECT 1 FROM " + tb.sql()
                        + " u WHERE u." + a.key() + " = t." + a.key() + ")"
                : "SELECT " + col(a.text()) + ", (SELECT COUNT(*) FROM " + tb.sql() + " u WHERE u." + a.key() + " = t."
                        + a.key()
                        + ") AS n FROM " + ta.sql() + " t WHERE " + col(a.numeric()) + " > (SELECT AVG("
                        + col(a.numeric()) + ") FROM "
                        + ta.sql() + ")";
        return q(sql, d, QueryType.SELECT, ta, tb);
    }

    private FixtureQuery extractSelect(String d) {
        Schema a = schema();
        Ref ta = ref(a, "mysql".equals(d) || "postgresql".equals(d) ? d : null);
        String sql = "SELECT EXTRACT(YEAR FROM order_date) AS yr, COUNT(*) FROM " + ta.sql()
                + " WHERE EXTRACT(MONTH FROM order_date) = " + (1 + random.nextInt(12))
                + " GROUP BY EXTRACT(YEAR FROM order_date)";
        return q(sql, "mysql".equals(d) || "postgresql".equals(d) ? d : null, QueryType.SELECT, ta);
    }

    // ---- pieces ----

    /** A table written in one of the styles its dialect allows, with the name the analyser must report. */
    private Ref ref(Schema s, String d) {
        String name = s.name();
        int style = random.nextInt(10);
        String schema =
                "postgresql".equals(d) ? "public" : "sqlserver".equals(d) ? "dbo" : "mysql".equals(d) ? "shop" : "main";
        if (style < 4) {
            return new Ref(name, name);
        }
        if (style == 4) {
            String upper = name.toUpperCase();
            return new Ref(upper, name); // unquoted names fold to lower case
        }
        if (style == 5 || style == 6) {
            return new Ref(schema + "." + name, schema + "." + name);
        }
        String mixed = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        if ("mysql".equals(d)) {
            return style == 7
                    ? new Ref("`" + mixed + "`", mixed)
                    : new Ref("`" + schema + "`.`" + name + "`", schema + "." + name);
        }
        if ("sqlserver".equals(d)) {
            return style == 7
                    ? new Ref("[" + mixed + " Data]", mixed + " Data")
                    : new Ref("[" + schema + "].[" + mixed + "]", schema + "." + mixed);
        }
        return style == 7
                ? new Ref("\"" + mixed + "\"", mixed)
                : new Ref(schema + ".\"" + mixed + "\"", schema + "." + mixed);
    }

    private FixtureQuery q(String sql, String d, QueryType type, Ref... refs) {
        Set<String> tables = new LinkedHashSet<>();
        for (Ref r : refs) {
            tables.add(r.expected());
        }
        return new FixtureQuery(sql, d, type, tables);
    }

    private Schema schema() {
        return SCHEMAS[random.nextInt(SCHEMAS.length)];
    }

    private Schema other(Schema not) {
        Schema s;
        do {
            s = schema();
        } while (s == not);
        return s;
    }

    private Schema pickSchema(String... names) {
        String n = names[random.nextInt(names.length)];
        for (Schema s : SCHEMAS) {
            if (s.name().equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException(n);
    }

    private String col(String[] cols) {
        return cols[random.nextInt(cols.length)];
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String op() {
        return pick("=", ">", "<", ">=", "<=", "<>", "!=");
    }

    private String number() {
        return random.nextInt(4) == 0
                ? String.format(Locale.ROOT, "%.2f", random.nextDouble() * 1000)
                : String.valueOf(random.nextInt(5000));
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private String string(String d) {
        String w = word();
        return "sqlserver".equals(d) && random.nextBoolean() ? "N" + quote(w) : quote(w);
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private String top(String d) {
        return "sqlserver".equals(d) ? "TOP " + (1 + random.nextInt(20)) + " " : "";
    }

    private String limit(String d) {
        if ("sqlserver".equals(d)) {
            return "";
        }
        if ("oracle".equals(d)) {
            return " FETCH FIRST " + (1 + random.nextInt(20)) + " ROWS ONLY";
        }
        return random.nextBoolean() ? " LIMIT " + (1 + random.nextInt(20)) : "";
    }
}
