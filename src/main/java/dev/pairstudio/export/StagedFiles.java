package dev.pairstudio.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * An export's files while they are written: every file under a temporary name beside its target
 * (a folder preset's in a hidden staging folder beside the target folder), published together
 * once every byte is on disk, data files first, or all removed on {@link #close()}.
 */
final class StagedFiles implements AutoCloseable {

    /** How data files are opened; tests substitute a failing disk. */
    interface OutputFactory {
        AtomicFileOutput open(Path target, boolean gzip) throws IOException;
    }

    /** How a data file's writer is made on its stream. */
    interface WriterFactory {
        ExportWriters.Writer0 open(OutputStream out, long stated) throws IOException;
    }

    /** One data file being written, with the count it states and the count written. */
    static final class DataFile {
        final ExportTargets.Target target;
        final AtomicFileOutput out;
        final ExportWriters.Writer0 writer;
        /** The count the file states (JSON's total_pairs), when the format states one. */
        final long stated;

        long count;

        private DataFile(ExportTargets.Target target, AtomicFileOutput out, ExportWriters.Writer0 writer, long stated) {
            this.target = target;
            this.out = out;
            this.writer = writer;
            this.stated = stated;
        }

        /** @param rendered the record's bytes made by {@link ExportWriters.Writer0#render}, or null */
        void write(ExportRecord r, byte[] rendered) throws IOException {
            if (rendered != null) {
                writer.writeRendered(rendered);
            } else {
                writer.write(r);
            }
            count++;
        }
    }

    private final ExportTargets targets;
    private final List<DataFile> data = new ArrayList<>();
    private final Map<SplitAssigner.Split, DataFile> bySplit = new EnumMap<>(SplitAssigner.Split.class);
    private Path stagingFolder;
    private AtomicFileOutput schemaOut;
    private AtomicFileOutput manifestOut;

    StagedFiles(ExportTargets targets) throws IOException {
        this.targets = targets;
        if (targets.folder() != null) {
            stagingFolder = Files.createTempDirectory(
                    targets.folder().getParent(), "." + targets.folder().getFileName() + ".");
        }
    }

    /** Opens a data file per planned target; {@code stated} gives the count each will hold. */
    void openData(
            OutputFactory outputs, boolean gzip, ToLongFunction<ExportTargets.Target> stated, WriterFactory writers)
            throws IOException {
        for (ExportTargets.Target t : targets.files()) {
            AtomicFileOutput out = outputs.open(staged(t.path()), gzip);
            long count = stated.applyAsLong(t);
            DataFile file = new DataFile(t, out, writers.open(out.stream(), count), count);
            data.add(file);
            if (t.split() != null) {
                bySplit.put(t.split(), file);
            }
        }
    }

    List<DataFile> data() {
        return data;
    }

    /** The file a record of {@code split} goes to (null: the export is not split). */
    DataFile dataFor(SplitAssigner.Split split) {
        return split == null ? data.get(0) : bySplit.get(split);
    }

    /** A file that states its count up front must hold that many: else the data changed under the export. */
    void checkStatedCounts() {
        for (DataFile f : data) {
            if (f.count != f.stated) {
                throw new DatasetExporter.Changed(
                        f.target.label() + ": " + f.stated + " pairs counted, " + f.count + " found");
            }
        }
    }

    /** The data files as the manifest and the result name them, at their final paths. */
    List<ExportResult.FileEntry> entries() {
        List<ExportResult.FileEntry> entries = new ArrayList<>();
        for (DataFile f : data) {
            entries.add(new ExportResult.FileEntry(
                    targets.finalPath(f.target.path()), f.target.label(), f.count, f.out.bytes(), f.out.sha256()));
        }
        return entries;
    }

    /** Ends every data file's format and flushes it to disk. */
    void finishData() throws IOException {
        for (DataFile f : data) {
            f.writer.finish();
        }
        for (DataFile f : data) {
            f.out.finish();
        }
    }

    /** Writes the schema file (Spider/BIRD tables.json) to disk, unpublished. */
    AtomicFileOutput writeSchemaFile(String json) throws IOException {
        schemaOut = AtomicFileOutput.open(staged(targets.schemaFile()), false);
        schemaOut.stream().write(json.getBytes(StandardCharsets.UTF_8));
        schemaOut.finish();
        return schemaOut;
    }

    /** Writes the manifest to disk, unpublished; nothing when the data goes to a stream. */
    void writeManifest(ExportManifest manifest) throws IOException {
        if (targets.manifest() != null) {
            manifestOut = manifest.write(staged(targets.manifest()));
        }
    }

    /**
     * Every byte is on disk (a full disk has failed by now): only renames are left, data files
     * first, so that a manifest never describes files that are not there.
     *
     * @param datasetCard the README of a folder preset, else ignored
     * @return the manifest's final path, null when none was written
     */
    Path publish(boolean replace, String datasetCard) throws IOException {
        for (DataFile f : data) {
            f.out.publish(replace);
        }
        if (schemaOut != null) {
            schemaOut.publish(replace);
        }
        if (manifestOut != null) {
            manifestOut.publish(replace);
        }
        if (stagingFolder != null) {
            try (AtomicFileOutput readme = AtomicFileOutput.open(stagingFolder.resolve("README.md"), false)) {
                readme.stream().write(datasetCard.getBytes(StandardCharsets.UTF_8));
                readme.commit(false);
            }
            swapFolder(stagingFolder, targets.folder(), replace);
            stagingFolder = null;
        }
        return targets.manifest();
    }

    /** Removes whatever was not published. */
    @Override
    public void close() {
        for (DataFile f : data) {
            f.out.abort(); // no-op after publishing
        }
        if (manifestOut != null) {
            manifestOut.abort();
        }
        if (schemaOut != null) {
            schemaOut.abort();
        }
        if (stagingFolder != null) {
            deleteTree(stagingFolder);
        }
    }

    private Path staged(Path planned) {
        return stagingFolder != null ? stagingFolder.resolve(planned.getFileName()) : planned;
    }

    /** Moves the finished staging folder onto the target; an old folder is moved aside first and removed after. */
    private static void swapFolder(Path staging, Path target, boolean replace) throws IOException {
        Path aside = null;
        if (Files.exists(target)) {
            if (!replace) {
                throw new ExportException.TargetExists(target.toString());
            }
            aside = target.resolveSibling("." + target.getFileName() + ".old-" + System.nanoTime());
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            if (staging.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (aside != null) {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (aside != null) {
            deleteTree(aside);
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
