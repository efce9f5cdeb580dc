package dev.pairstudio.sql;

import dev.pairstudio.pair.QueryType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The accuracy fixture: generated queries plus the hand-written tricky ones in {@code sql/fixture.tsv}. */
final class FixtureCorpus {
    static final long SEED = 20261125L;
    static final int GENERATED = 1200;

    private FixtureCorpus() {}

    static List<FixtureQuery> all() {
        List<FixtureQuery> all = new ArrayList<>(new FixtureGenerator(SEED).generate(GENERATED));
        all.addAll(handWritten());
        return all;
    }

    static List<FixtureQuery> handWritten() {
        List<FixtureQuery> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(FixtureCorpus.class.getResourceAsStream("/sql/fixture.tsv")),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 4);
                Set<String> tables = f[2].isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(f[2].split(",")));
                out.add(new FixtureQuery(
                        f[3].replace("\\n", "\n"), f[0].equals("-") ? null : f[0], QueryType.valueOf(f[1]), tables));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
