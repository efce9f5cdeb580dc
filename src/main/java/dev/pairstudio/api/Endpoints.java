package dev.pairstudio.api;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.pairstudio.export.DatasetExporter;
import dev.pairstudio.export.ExportException;
import dev.pairstudio.export.ExportListener;
import dev.pairstudio.export.ExportProfile;
import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.pair.PairFilter;
import dev.pairstudio.stats.Statistics;
import dev.pairstudio.stats.StatisticsJson;
import dev.pairstudio.store.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** Statistics and export: the endpoints backed by the {@code stats} and {@code io} packages. */
final class Endpoints {
    private Endpoints() {}

    /**
     * {@code {"statistics": {…}}}: the seed's nine keys in the seed's order, then ours
     * (SEED-CONTRACT.md §3, §6). The seed filters by {@code start_date}/{@code end_date} only; the
     * list's other filters are accepted too.
     */
    static void statistics(HttpExchange ex, Database store, ApiQuery q) {
        Statistics s;
        try {
            s = Statistics.compute(store, q.filter());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        HttpIo.send(ex, 200, ApiJson.bytes(g -> {
            g.writeStartObject();
            g.writeFieldName("statistics");
            StatisticsJson.write(g, s);
            g.writeEndObject();
        }));
    }

    /**
     * The seed's export files (SEED-CONTRACT.md §4), anonymized unless {@code anonymize=false}.
     * The export engine ({@link DatasetExporter}) writes to an owner-only temporary folder with
     * constant memory; the file is then streamed to the client and deleted. An empty result is a
     * 200 with an empty file (JSON: {@code total_pairs} 0), not the seed's 404.
     */
    static void export(HttpExchange ex, Database store, ApiQuery q, BooleanSupplier stopping) {
        String requested = q.get("format");
        String format = requested == null ? "jsonl" : requested.toLowerCase(Locale.ROOT);
        String contentType = switch (format) {
            case "jsonl" -> "application/x-ndjson";
            case "json" -> "application/json";
            case "csv" -> "text/csv; charset=utf-8";
            default -> throw ApiException.badRequest("Invalid format: " + requested + ". Must be jsonl, json, or csv");
        };
        PairFilter filter = q.filter();
        String anonymize = q.get("anonymize");
        boolean anonymized = anonymize == null || !anonymize.equalsIgnoreCase("false");
        if (anonymize != null && !anonymize.equalsIgnoreCase("true") && !anonymize.equalsIgnoreCase("false")) {
            throw ApiException.badRequest("Invalid anonymize: \"" + HttpIo.shorten(anonymize) + "\" (true or false)");
        }
        // the seed exports every matching pair: no duplicate dropping, no review filter
        ExportProfile profile = ExportProfile.defaults(format)
                .withFilter(filter)
                .withAnonymize(anonymized)
                .withDedup(false);
        Path folder = null;
        try {
            folder = ownerOnlyTempFolder();
            Path file = folder.resolve("training_data." + format);
            try {
                new DatasetExporter(store, null)
                        .export(profile, file, ExportTargetPolicy.OVERWRITE, new ExportListener() {
                            @Override
                            public boolean isCancelled() {
                                return stopping.getAsBoolean();
                            }
                        });
            } catch (ExportException.Cancelled e) {
                throw new ApiException(503, "The collector is stopping");
            } catch (ExportException e) {
                throw new ApiException(500, "Export failed: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            long size = Files.size(file);
            Headers h = ex.getResponseHeaders();
            h.set("Content-Type", contentType);
            h.set("Content-Disposition", "attachment; filename=training_data." + format);
            h.set("Cache-Control", "no-store");
            h.set("X-Content-Type-Options", "nosniff");
            ex.sendResponseHeaders(200, size == 0 ? -1 : size);
            if (size > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(folder);
        }
    }

    private static Path ownerOnlyTempFolder() throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix
                ? Files.createTempDirectory(
                        "pairstudio-export-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory("pairstudio-export-");
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temp folder
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
