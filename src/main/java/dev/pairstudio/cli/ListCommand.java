package dev.pairstudio.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.pair.Plural;
import dev.pairstudio.store.Database;
import dev.pairstudio.store.Page;
import dev.pairstudio.store.PairSort;
import dev.pairstudio.store.SortColumn;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code list [filters] [--limit N] [--after CURSOR] [--json]}: one keyset page. */
@Command(
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        name = "list",
        description = "List pairs, one page at a time (pass the printed cursor to --after for the next page).")
public final class ListCommand implements Callable<Integer> {
    static final int MAX_LIMIT = 10_000;

    @Mixin
    DatabaseOption database;

    @Mixin
    FilterOptions filter;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--limit",
            defaultValue = "100",
            paramLabel = "N",
            description = "Rows per page, 1 to 10000. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(
            names = "--after",
            paramLabel = "CURSOR",
            description = "Continue after this cursor (from the previous page).")
    String after;

    @Option(
            names = "--sort",
            defaultValue = "ID",
            paramLabel = "COLUMN",
            description = "Sort column: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    SortColumn sort;

    @Option(names = "--desc", description = "Sort descending.")
    boolean descending;

    @Option(names = "--json", description = "Print {\"pairs\", \"count\", \"total\", \"next_cursor\"} as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new Cli.UserError("--limit must be between 1 and " + MAX_LIMIT + ", was " + limit, Cli.USAGE);
        }
        PairFilter f = filter.toFilter();
        PairSort order = new PairSort(sort, descending);
        PrintWriter out = spec.commandLine().getOut();
        try (Database store = StoreAccess.open(database)) {
            Page page;
            long total;
            try {
                page = store.query(f, order, after, limit);
                total = store.count(f);
            } catch (IllegalArgumentException e) {
                throw new Cli.UserError(e.getMessage());
            }
            if (json) {
                ObjectNode root = PairOutput.JSON.createObjectNode();
                ArrayNode pairs = root.putArray("pairs");
                page.rows().forEach(p -> pairs.add(PairOutput.json(p, store)));
                root.put("count", page.rows().size());
                root.put("total", total);
                root.put("next_cursor", page.nextCursor());
                out.println(PairOutput.JSON.writeValueAsString(root));
            } else {
                page.rows().forEach(p -> out.println(PairOutput.line(p)));
                out.printf(
                        "%s of %s%s%n",
                        Plural.number(page.rows().size()),
                        Plural.of(total, "matching pair"),
                        page.nextCursor() == null ? "" : "; next page: --after " + page.nextCursor());
            }
        }
        out.flush();
        return Cli.OK;
    }
}
