package dev.pairstudio.export;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an export's files go: the data file (or one per split), the manifest, the schema file a
 * preset writes, and for folder presets the folder itself. Planned before anything is written,
 * so that a taken name fails (or moves to "name (2)") before the long part starts.
 *
 * @param manifest null when the data goes to a stream (a FIFO, /dev/stdout): nothing lands beside it
 * @param folder the folder preset's target folder, else null
 * @param schemaFile the tables.json beside the data, null when the preset writes none
 */
record ExportTargets(List<Target> files, Path manifest, Path folder, Path schemaFile) {

    /** One data file; {@code split} null when the export is not split. */
    record Target(Path path, SplitAssigner.Split split) {
        String label() {
            return split == null ? "all" : split.label;
        }
    }

    static ExportTargets plan(
            ExportFormat format, Path output, boolean split, boolean gzip, ExportTargetPolicy existing) {
        String gz = gzip ? ".gz" : "";
        if (format.isFolder()) {
            return planFolder(format, output, gz, existing);
        }
        checkFolder(output.getParent());
        String file = output.getFileName().toString();
        if (gzip && !file.endsWith(".gz")) {
            file = file + ".gz";
        }
        Path base = output.resolveSibling(file);
        for (int attempt = 1; ; attempt++) {
            Path candidate = attempt == 1 ? base : freeNameAt(base, attempt);
            String stem = stem(candidate.getFileName().toString());
            List<Target> files = new ArrayList<>();
            if (split) {
                for (SplitAssigner.Split s : SplitAssigner.Split.values()) {
                    files.add(new Target(
                            candidate.resolveSibling(stem + "." + s.label + "." + format.extension + gz), s));
                }
            } else {
                files.add(new Target(candidate, null));
            }
            // a FIFO or device (/dev/stdout) is written through, and no manifest lands beside it (in /dev, say)
            Path manifest = !split && AtomicFileOutput.isStream(candidate)
                    ? null
                    : candidate.resolveSibling(
                            (split ? stem : candidate.getFileName().toString()) + ".manifest.json");
            Path schema = null;
            String pattern = format.preset == null ? null : format.preset.schemaFile();
            if (pattern != null) {
                schema = candidate.resolveSibling(pattern.replace("{name}", stem));
                // a fixed name (tables.json) does not move with the data file's "(2)": it gets its own free name
                if (!pattern.contains("{name}") && Files.exists(schema) && existing == ExportTargetPolicy.RENAME) {
                    schema = freeName(schema);
                }
            }
            ExportTargets plan = new ExportTargets(files, manifest, null, schema);
            Path taken = plan.firstExisting();
            if (taken == null || existing == ExportTargetPolicy.OVERWRITE) {
                return plan;
            }
            if (existing == ExportTargetPolicy.FAIL) {
                throw new ExportException.TargetExists(taken.toString());
            }
        }
    }

    private static ExportTargets planFolder(ExportFormat format, Path output, String gz, ExportTargetPolicy existing) {
        Path folder = output;
        if (Files.exists(folder)) {
            if (existing == ExportTargetPolicy.FAIL) {
                throw new ExportException.TargetExists(folder.toString());
            }
            if (existing == ExportTargetPolicy.RENAME) {
                folder = freeName(folder);
            }
        }
        checkFolder(folder.getParent());
        List<Target> files = new ArrayList<>();
        for (SplitAssigner.Split s : SplitAssigner.Split.values()) {
            files.add(new Target(folder.resolve(s.label + "." + format.extension + gz), s));
        }
        Path schema = format.preset.schemaFile() == null
                ? null
                : folder.resolve(format.preset
                        .schemaFile()
                        .replace("{name}", folder.getFileName().toString()));
        return new ExportTargets(files, folder.resolve("manifest.json"), folder, schema);
    }

    /** Just before publishing: a name that was free when planned may have been taken meanwhile. */
    void checkStillFree(ExportTargetPolicy existing) {
        Path taken = folder == null ? firstExisting() : null;
        if (taken != null && existing != ExportTargetPolicy.OVERWRITE) {
            throw new ExportException.TargetExists(taken.toString()); // appeared while we were writing
        }
    }

    /** Where a file of this plan ends up (inside the folder for folder presets). */
    Path finalPath(Path planned) {
        return folder != null ? folder.resolve(planned.getFileName()) : planned;
    }

    /** A one-line error for a failed write, naming the target and what to do. */
    ExportException failure(IOException e) {
        Path where = folder != null ? folder : files.get(0).path();
        String reason;
        if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            reason = "the folder does not exist";
        } else if (e instanceof FileAlreadyExistsException exists) {
            return new ExportException.TargetExists(exists.getFile() == null ? where.toString() : exists.getFile());
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new ExportException("Cannot write " + where + ": " + reason + ". No file was written", e);
    }

    private Path firstExisting() {
        for (Target t : files) {
            if (Files.exists(t.path())
                    && !AtomicFileOutput.isStream(t.path())) { // writing to a stream replaces nothing
                return t.path();
            }
        }
        if (schemaFile != null && folder == null && Files.exists(schemaFile)) {
            return schemaFile;
        }
        return manifest != null && Files.exists(manifest) ? manifest : null;
    }

    private static void checkFolder(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ExportException("The folder " + folder + " does not exist; create it first or choose another");
        }
        if (!Files.isWritable(folder)) {
            throw new ExportException("Cannot write to the folder " + folder + ": permission denied");
        }
    }

    /** "data.jsonl" -> "data"; "data.jsonl.gz" -> "data". */
    static String stem(String file) {
        String f = file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file;
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private static Path freeNameAt(Path base, int n) {
        String file = base.getFileName().toString();
        String stem = stem(file);
        return base.resolveSibling(stem + " (" + n + ")" + file.substring(stem.length()));
    }

    private static Path freeName(Path base) {
        for (int n = 2; ; n++) {
            Path p = freeNameAt(base, n);
            if (!Files.exists(p)) {
                return p;
            }
        }
    }
}
