package dev.pairstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pairstudio.export.SplitAudit;
import dev.pairstudio.export.SplitFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pairstudio audit-split FILE…}: what crosses between split files, ours or a public
 * benchmark's. Exit 0 when nothing that leaks crosses, 1 when something does (or a file is bad).
 */
@Command(
        name = "audit-split",
        mixinStandardHelpOptions = true,
        description =
                "Report what crosses between train/validation/test files: exact and near-duplicate questions (MinHash, the "
                        + "store's threshold), identical SQL, the same SQL template, the same database. Reads the seed's JSONL/JSON/CSV, "
                        + "every preset Pair Studio writes and Spider/BIRD JSON (also .gz). A file's split comes from its name (train, "
                        + "validation/valid/val/dev, test). Exit 0 when clean, 1 when something crosses.")
public final class AuditSplitCommand implements Callable<Integer> {

    @CommandLine.Mixin
    DatabaseOption database; // accepted like every command's; the audit reads only the files

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "The split files, at least two splits.")
    List<Path> files;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Option(names = "--examples", paramLabel = "N", description = "Examples per kind and pair of splits (default 3).")
    int examples = 3;

    @Option(
            names = "--by-database",
            description = "A database in two splits is a crossing too (Spider-style splits by database); "
                    + "without it, shared databases are reported but do not fail the audit.")
    boolean byDatabase;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (examples < 0) {
            throw new Cli.UserError("--examples must be 0 or more", Cli.USAGE);
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new Cli.UserError(f + " is not a readable file", Cli.USAGE);
            }
        }
        SplitFiles input = new SplitFiles(files);
        if (input.splits().size() < 2) {
            throw new Cli.UserError(
                    "the files hold only the split \"" + input.splits().get(0) + "\"; give files of at least two "
                            + "splits, named for them (train, validation or dev, test)",
                    Cli.USAGE);
        }
        Set<SplitAudit.Kind> checked = EnumSet.allOf(SplitAudit.Kind.class);
        checked.remove(SplitAudit.Kind.DUPLICATE_GROUP); // a store's notion; files do not carry it
        Set<SplitAudit.Kind> failing = EnumSet.copyOf(checked);
        if (!byDatabase) {
            failing.remove(SplitAudit.Kind.DATABASE);
        }
        SplitAudit audit = new SplitAudit(input.splits(), input.largest(), checked, failing, examples);
        SplitAudit.Report report;
        try {
            input.forEach(true, audit::add);
            report = audit.finish(input.source());
        } catch (SplitFiles.BadFile e) {
            throw new Cli.UserError(e.getMessage());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJson(report)));
        } else {
            printText(out, report);
        }
        out.flush();
        return report.clean() ? Cli.OK : Cli.BAD_INPUT;
    }

    private static void printText(PrintWriter out, SplitAudit.Report r) {
        StringBuilder sizes = new StringBuilder();
        r.sizes()
                .forEach((k, v) -> sizes.append(sizes.length() == 0 ? "" : ", ")
                        .append(k)
                        .append(' ')
                        .append(String.format(Locale.ROOT, "%,d", v)));
        out.println("Splits: " + sizes);
        String pair = null;
        for (SplitAudit.Crossing c : r.crossings()) {
            String p = c.first() + " / " + c.second();
            if (!p.equals(pair)) {
                out.println(p + " (rows of " + c.second() + " that match a row of " + c.first() + "):");
                pair = p;
            }
            out.printf(
                    Locale.ROOT,
                    "  %-26s %,9d%s%n",
                    c.kind().label,
                    c.rows(),
                    c.rows() > 0 && !r.failing().contains(c.kind()) ? "  (allowed)" : "");
            for (SplitAudit.Example e : c.examples()) {
                out.printf(
                        "    %s  %s%n    %s  %s%n",
                        e.firstWhere(), oneLine(e.firstText()), e.secondWhere(), oneLine(e.secondText()));
            }
        }
        out.println("Result: " + r.summary());
    }

    private static String oneLine(String s) {
        String t = s == null ? "" : s.replaceAll("\\s+", " ").strip();
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }

    static ObjectNode toJson(SplitAudit.Report r) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("clean", r.clean());
        ObjectNode sizes = root.putObject("splits");
        r.sizes().forEach(sizes::put);
        ArrayNode failing = root.putArray("failing_kinds");
        r.failing().forEach(k -> failing.add(k.key()));
        ArrayNode crossings = root.putArray("crossings");
        for (SplitAudit.Crossing c : r.crossings()) {
            ObjectNode o = crossings.addObject();
            o.put("first", c.first());
            o.put("second", c.second());
            o.put("kind", c.kind().key());
            o.put("rows", c.rows());
            ArrayNode ex = o.putArray("examples");
            for (SplitAudit.Example e : c.examples()) {
                ObjectNode x = ex.addObject();
                x.putObject("first").put("where", e.firstWhere()).put("text", e.firstText());
                x.putObject("second").put("where", e.secondWhere()).put("text", e.secondText());
            }
        }
        return root;
    }
}
