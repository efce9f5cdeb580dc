package dev.pairstudio.ui.export;

import dev.pairstudio.export.ExportTargetPolicy;
import dev.pairstudio.export.SplitAssigner;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the wizard's export would go: the files it would write there, and what is wrong with the
 * place or worth knowing before the export starts (the destination page's message).
 *
 * @param folderText   the folder as typed
 * @param name         the file name as typed (a folder preset's dataset folder)
 * @param folderLayout a preset that writes a folder of train/validation/test files
 * @param schemaFile   the preset's schema file pattern ({@code {name}} is the stem), null for none
 */
record ExportDestination(
        String folderText,
        String name,
        boolean folderLayout,
        boolean splitting,
        String extension,
        boolean gzip,
        String schemaFile,
        ExportTargetPolicy existing) {
    private static final String BAD_NAME_CHARS = "/\\:*?\"<>|";

    /** What is wrong ({@code problem}, blank for nothing) or worth knowing ({@code note}), and whether the name is at fault. */
    record Verdict(String problem, String note, boolean nameAtFault) {}

    /** The folder, absolute; null when the text is no path. */
    Path folder() {
        try {
            return Path.of(folderText == null ? "" : folderText.trim())
                    .toAbsolutePath()
                    .normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** The path handed to the exporter: the file, or for folder presets the folder. */
    Path output() {
        Path f = folder();
        return f == null ? null : f.resolve(trimmedName());
    }

    /** The data files and manifest an export would write (before any "keep both" renaming). */
    List<Path> plannedFiles() {
        Path out = output();
        if (out == null || trimmedName().isEmpty()) {
            return List.of();
        }
        String gz = gzip ? ".gz" : "";
        List<Path> files = new ArrayList<>();
        if (folderLayout) {
            for (SplitAssigner.Split s : SplitAssigner.Split.values()) {
                files.add(out.resolve(s.label + "." + extension + gz));
            }
            files.add(out.resolve("manifest.json"));
            files.add(out.resolve("README.md"));
            return files;
        }
        String file = out.getFileName().toString();
        if (gzip && !file.endsWith(".gz")) {
            file += ".gz";
        }
        if (splitting) {
            String stem = stem(file);
            for (SplitAssigner.Split s : SplitAssigner.Split.values()) {
                files.add(out.resolveSibling(stem + "." + s.label + "." + extension + gz));
            }
            files.add(out.resolveSibling(stem + ".manifest.json"));
        } else {
            files.add(out.resolveSibling(file));
            files.add(out.resolveSibling(file + ".manifest.json"));
        }
        if (schemaFile != null) {
            files.add(out.resolveSibling(schemaFile.replace("{name}", stem(file)))); // when a database has a schema
        }
        return files;
    }

    Verdict check() {
        String trimmed = trimmedName();
        Path dir = folder();
        if (folderText == null || folderText.isBlank() || dir == null) {
            return problem("Choose a folder.", false);
        }
        if (trimmed.isEmpty()) {
            return problem(folderLayout ? "Enter a name for the dataset folder." : "Enter a file name.", true);
        }
        if (trimmed.equals(".")
                || trimmed.equals("..")
                || trimmed.chars().anyMatch(c -> c < 32 || BAD_NAME_CHARS.indexOf(c) >= 0)) {
            return problem("A file name cannot contain / \\ : * ? \" < > | or be . or ..", true);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return problem(dir + " is a file, not a folder.", false);
        }
        if (!Files.exists(dir)) {
            Path parent = dir.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                return problem(dir + " does not exist. Choose an existing folder.", false);
            }
            return note("The folder " + dir.getFileName() + " will be created.");
        }
        if (!Files.isWritable(dir)) {
            return problem("Cannot write to " + dir + ": permission denied.", false);
        }
        Path taken = plannedFiles().stream().filter(Files::exists).findFirst().orElse(null);
        if (folderLayout && Files.exists(output())) {
            taken = output();
        }
        if (taken == null) {
            return note("");
        }
        return switch (existing) {
            case FAIL ->
                problem(
                        taken.getFileName() + " already exists. Choose another name, \"Keep both\" or \"Replace\".",
                        true);
            case RENAME ->
                note(taken.getFileName() + " already exists; the export will be written beside it as " + stem(trimmed)
                        + " (2)….");
            case OVERWRITE ->
                note(taken.getFileName() + " already exists and will be replaced once the export has succeeded.");
        };
    }

    /** "data.jsonl" → "data"; "data.jsonl.gz" → "data". */
    static String stem(String file) {
        String f = file.endsWith(".gz") ? file.substring(0, file.length() - 3) : file;
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }

    private String trimmedName() {
        return name == null ? "" : name.trim();
    }

    private static Verdict problem(String problem, boolean nameAtFault) {
        return new Verdict(problem, "", nameAtFault);
    }

    private static Verdict note(String note) {
        return new Verdict("", note, false);
    }
}
