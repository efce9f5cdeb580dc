package dev.pairstudio.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Spider's training split in ../shared/corpora/spider (7,000 pairs written by its annotators, SQLite
 * dialect), read once per test JVM: data none of us wrote, for tests of rules that must hold on
 * real SQL. Kept as it is; tests derive what they need from it in code.
 */
public final class SpiderCorpus {
    /** ../shared/corpora/spider, or the spider folder under {@code -Dcorpora.dir=DIR}. */
    public static final Path FOLDER =
            Path.of(System.getProperty("corpora.dir", "../shared/corpora")).resolve("spider");

    /** One pair of train.json. */
    public record Example(String question, String sql, String database) {}

    private static List<Example> train;

    private SpiderCorpus() {}

    public static synchronized List<Example> train() {
        if (train == null) {
            try {
                JsonNode all = new ObjectMapper().readTree(Files.readAllBytes(FOLDER.resolve("train.json")));
                List<Example> out = new ArrayList<>(all.size());
                for (JsonNode e : all) {
                    out.add(new Example(
                            e.get("question").asText(),
                            e.get("query").asText(),
                            e.get("db_id").asText()));
                }
                train = List.copyOf(out);
            } catch (IOException e) {
                throw new UncheckedIOException("Spider's train.json is expected in " + FOLDER.toAbsolutePath(), e);
            }
        }
        return train;
    }
}
