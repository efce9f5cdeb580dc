package dev.pairstudio.testing;

import dev.pairstudio.schema.DatabaseSchema;
import dev.pairstudio.schema.DdlSchemaReader;
import dev.pairstudio.schema.PairValidator;
import dev.pairstudio.schema.SchemaImport;
import dev.pairstudio.sql.SqlAnalyzer;
import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One SQL analyzer for a test class, and the schema checks over it, closed after the class's last test:
 * {@code @RegisterExtension static final AnalyzerFixture shared = new AnalyzerFixture();}. An analyzer owns its
 * parser's worker thread, so a class's tests share one, as the application does.
 */
public final class AnalyzerFixture implements AfterAllCallback {
    private final SqlAnalyzer.Options options;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private SqlAnalyzer analyzer;

    public AnalyzerFixture() {
        this(SqlAnalyzer.Options.DEFAULTS);
    }

    /** An analyzer with other limits (time, length, nesting, cache) than the application's. */
    public AnalyzerFixture(SqlAnalyzer.Options options) {
        this.options = options;
    }

    /** The class's analyzer, started by the first call (which may come from a static field's initializer). */
    public synchronized SqlAnalyzer analyzer() {
        if (analyzer == null) {
            analyzer = new SqlAnalyzer(options);
        }
        return analyzer;
    }

    /**
     * A validator over this analyzer, closed with it, that allows an EXPLAIN two seconds.
     *
     * @param readOnly flag DML/DDL as written to a read-only database
     */
    public PairValidator validator(boolean readOnly) {
        PairValidator v = new PairValidator(analyzer(), readOnly, 2_000);
        opened.push(v);
        return v;
    }

    /** The one schema a DDL script defines; the script must read without a problem. */
    public DatabaseSchema schema(String ddl, String database, String databaseType) {
        SchemaImport read = new DdlSchemaReader(analyzer()).read(ddl, database, databaseType);
        if (!read.problems().isEmpty()) {
            throw new AssertionError("the test's DDL has problems: " + read.problems());
        }
        return read.schemas().get(0);
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
        if (analyzer != null) {
            analyzer.close();
            analyzer = null;
        }
    }
}
