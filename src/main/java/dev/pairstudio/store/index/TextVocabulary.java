package dev.pairstudio.store.index;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The distinct words of a {@link TextIndex}, each with a dense id (0, 1, 2, … in first-seen
 * order). Not thread-safe: the owning index guards it.
 *
 * <p>All words live in one text, each followed by a newline ({@code "select\nfrom\n…"}), so that
 * finding every word that contains a fragment is a single {@link StringBuilder#indexOf} loop over
 * a few compact bytes per word (the JDK searches Latin-1 text with vector instructions) instead
 * of a walk over millions of small {@code String} objects. The newline is not a word character,
 * so a fragment (a run of word characters) never matches across two words. Lookups of a word
 * during indexing go through an open-addressing hash table keyed by a region of the input text,
 * so indexing allocates nothing for words already known.
 */
final class TextVocabulary {
    private static final char SEPARATOR = '\n';

    private final StringBuilder text = new StringBuilder(1 << 16);
    /** start[id] is where word id begins in {@link #text}; start[size] is the end of the text. */
    private int[] start = new int[1025];

    private int[] hash = new int[1024];
    /** Open addressing with linear probing: id + 1, or 0 for an empty slot; at most half full. */
    private int[] table = new int[2048];

    private int size;
    /** Whether the text holds a char above U+00FF, which makes the JDK store it with two bytes per char. */
    private boolean wide;

    int size() {
        return size;
    }

    /** The id of the word {@code source[from, to)}, adding it when new. */
    int intern(String source, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + source.charAt(i);
        }
        int mask = table.length - 1;
        for (int slot = mix(h) & mask; ; slot = (slot + 1) & mask) {
            int id = table[slot] - 1;
            if (id < 0) {
                return add(source, from, to, h, slot);
            }
            if (hash[id] == h && sameWord(id, source, from, to)) {
                return id;
            }
        }
    }

    /** Calls {@code sink} once with the id of every word that contains {@code fragment} (a run of word characters). */
    void forEachContaining(String fragment, IntConsumer sink) {
        for (int at = text.indexOf(fragment); at >= 0; ) {
            int id = idAt(at);
            sink.accept(id);
            at = text.indexOf(fragment, start[id + 1]);
        }
    }

    /** Estimated heap bytes: the text (one byte per Latin-1 char, two once any other char is present) and the arrays. */
    long memoryBytes() {
        return (long) text.capacity() * (wide ? 2 : 1) + 4L * (start.length + hash.length + table.length) + 64;
    }

    void write(SnapshotFile.Out out) throws IOException {
        out.i32(size);
        out.str(text.toString());
        out.ints(start, size + 1);
        out.ints(hash, size);
        out.i32(table.length);
        out.ints(table, table.length);
    }

    static TextVocabulary read(SnapshotFile.In in) throws IOException {
        TextVocabulary v = new TextVocabulary();
        int n = in.count(8);
        String words = in.str();
        v.text.setLength(0);
        v.text.append(words);
        int capacity = Math.max(1024, Integer.highestOneBit(Math.max(1, n)) * 2);
        v.start = Arrays.copyOf(in.ints(n + 1), capacity + 1);
        v.hash = Arrays.copyOf(in.ints(n), capacity);
        int tableLength = in.count(4);
        if (Integer.bitCount(tableLength) != 1 || 2L * n > tableLength || v.start[n] != words.length()) {
            throw new IOException("a vocabulary of " + n + " words does not fit its tables");
        }
        v.table = in.ints(tableLength);
        v.size = n;
        v.wide = words.chars().anyMatch(c -> c > 0xFF);
        return v;
    }

    private int add(String source, int from, int to, int h, int slot) {
        int id = size++;
        if (size == hash.length) {
            hash = Arrays.copyOf(hash, hash.length * 2);
            start = Arrays.copyOf(start, hash.length + 1);
        }
        for (int i = from; i < to && !wide; i++) {
            wide = source.charAt(i) > 0xFF;
        }
        text.append(source, from, to).append(SEPARATOR);
        start[id + 1] = text.length();
        hash[id] = h;
        table[slot] = id + 1;
        if (2 * size > table.length) {
            rehash();
        }
        return id;
    }

    private boolean sameWord(int id, String source, int from, int to) {
        int at = start[id];
        if (start[id + 1] - 1 - at != to - from) {
            return false;
        }
        for (int i = from; i < to; i++, at++) {
            if (text.charAt(at) != source.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The word whose text holds position {@code at}: the last id whose start is not after it. */
    private int idAt(int at) {
        int i = Arrays.binarySearch(start, 0, size, at);
        return i >= 0 ? i : -i - 2;
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = mix(hash[id]) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id + 1;
        }
    }

    /** Spreads String-style hashes, whose low bits are poor for short words, over the table. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
