package dev.pairstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What validate, stats, get and list say about a pair's verdicts, through the real command line on a real file. */
class ValidationVerdictsCliTest {
    static final String LINE = "{\"pair_id\": \"%s\", \"natural_language_query\": \"%s\", \"sql_query\": \"%s\", "
            + "\"timestamp\": \"2024-01-01T10:00:00\", \"database_type\": \"sqlite\", \"database_name\": \"shop\", \"success\": true}\n";

    @TempDir
    Path dir;
    String db;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("test.mv.db").toString();
        Files.writeString(dir.resolve("pairs.jsonl"),
                String.format(LINE, "good", "All customer names", "SELECT name FROM customers")
                + String.format(LINE, "open", "Customers in France", "SELECT name FROM customers WHERE country = 'France"));
        Files.writeString(dir.resolve("shop.sql"), "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, country TEXT);\n");
        assertThat(run("import", dir.resolve("pairs.jsonl").toString(), "--db", db)).isZero();
        assertThat(run("schema", "import", dir.resolve("shop.sql").toString(), "--database", "shop", "--dialect", "sqlite",
                "--db", db)).isZero();
    }

    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = Cli.commandLine();
        cl.setOut(new PrintWriter(o));
        cl.setErr(new PrintWriter(e));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void unparseableSqlIsNeverValidAgainstItsSchema() {
        assertThat(run("validate", "--db", db)).isZero();
        assertThat(out).contains("Validated 2 pairs").contains("no flag:                   1").contains("UNPARSEABLE:               1");
        assertThat(run("stats", "--db", db)).isZero();
        assertThat(out).contains("Valid (schema): shop: 50.0 % of 2 validated");
        assertThat(run("stats", "--json", "--db", db)).isZero();
        assertThat(out.replaceAll("\\s", "")).contains("\"shop\":{\"pairs\":2,\"validated\":2,\"valid\":1,");
    }
}
