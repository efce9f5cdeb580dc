package dev.pairstudio.export;

/** What to do when an export's file (or folder) already exists. Never silent: the UI asks and then picks one. */
public enum ExportTargetPolicy {
    /** Stop with a clear message before writing anything. */
    FAIL,
    /** Replace it (atomically, when the new file is complete). */
    OVERWRITE,
    /** Write beside it under a free name: {@code data (2).jsonl}. */
    RENAME
}
