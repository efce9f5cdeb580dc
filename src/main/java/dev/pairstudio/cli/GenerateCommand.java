package dev.pairstudio.cli;

import dev.pairstudio.demo.SyntheticPairs;
import dev.pairstudio.export.SeedJsonlWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pairstudio generate}: realistic synthetic pairs for demos, tests and benchmarks (the demo data's generator). */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Write realistic synthetic pairs as seed JSONL: five schemas, every statement type, four dialects,",
            "about 3%% with PII in the question and SQL literals (reserved domains, fictional phones, test cards),",
            "exact and near duplicates, conflicts, failed executions, a year of timestamps. Same seed, same file."
        })
public final class GenerateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOption database;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many pairs.")
    long count;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "S",
            description = "Random seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE",
            description = "The JSONL file to write (replaced atomically; - for standard output).")
    Path output;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            throw new Cli.UserError("--count must be 0 or more, was " + count, Cli.USAGE);
        }
        try (OutputFile file = OutputFile.open(output)) {
            try (SeedJsonlWriter writer =
                    new SeedJsonlWriter(file.stream())) { // closing flushes; the file commits below
                new SyntheticPairs(seed).generate(count, p -> {
                    try {
                        writer.write(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
            file.commit();
        } catch (IOException | UncheckedIOException e) {
            throw new Cli.UserError("cannot write " + output + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        // with --output - the pairs are standard output: the summary goes to stderr
        (OutputFile.isStandardOutput(output)
                        ? spec.commandLine().getErr()
                        : spec.commandLine().getOut())
                .printf(
                        "Wrote %,d pairs to %s (seed %d)%n",
                        count, OutputFile.isStandardOutput(output) ? "standard output" : output, seed);
        return Cli.OK;
    }
}
