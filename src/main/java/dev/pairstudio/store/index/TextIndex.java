package dev.pairstudio.store.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * In-memory free-text search over the question and SQL of every pair, replacing
 * {@code question ILIKE '%phrase%' OR sql_text ILIKE '%phrase%'} scans. It answers with
 * candidate ordinals: a superset of the pairs whose question or SQL contains the phrase as a
 * case-insensitive substring, and says when that set is already exact.
 *
 * <p><b>Model.</b> A text is lower-cased as a whole with {@link Locale#ROOT} (exactly as the
 * reference {@code text.toLowerCase(ROOT).contains(phrase.toLowerCase(ROOT))} does; lower-casing
 * word by word could differ, e.g. for a Greek final sigma) and cut into <em>words</em>: maximal
 * runs of {@link Character#isLetterOrDigit(char) letters, digits} and {@code _}. A phrase is
 * cut the same way into <em>parts</em>. Every part of a matching phrase lies inside one word of
 * the text (its chars are word chars there too), so "some word contains the part" for every part
 * is a necessary condition; when the phrase is a single part and nothing else, it is also
 * sufficient, and the answer is exact. (H2's {@code ILIKE} folds case char by char, as
 * {@code String.regionMatches(true, …)} does; that differs from whole-string lower-casing only
 * for a few characters such as dotless ı, İ, final ς, long ſ and the Kelvin sign. The store
 * should verify candidates with the same {@code toLowerCase(Locale.ROOT).contains} rule.)
 *
 * <p><b>Layout.</b> A {@link TextVocabulary} maps each distinct word to an id and finds all words
 * containing a part with one search over its compact text. Each word's postings are the ordinals
 * that use it: the first one in {@link #first}, the later ones as varint deltas in {@link #rest}
 * (ordinals only grow, so deltas are small and appending is all a new pair needs; a word seen
 * once allocates no array). A query ORs the postings of the matching words of each part into a
 * bitmap and ANDs the parts.
 *
 * <p><b>Edits.</b> Postings cannot take an old ordinal back in order, so {@link #replace} keeps
 * the edited pair's current lower-cased text in {@link #replaced}; queries ignore the postings of
 * those ordinals and test their text directly. Edits are rare, so the map stays small.
 *
 * <p><b>Threads.</b> One writer at a time calls {@link #add} and {@link #replace}; any thread may
 * call {@link #candidates}. A read-write lock makes readers see either all or nothing of a write
 * (the vocabulary and the growable postings arrays are not safe to read while they change); a
 * query holds the read lock for its whole, bounded duration (a few hundred ms at worst at 1M pairs).
 */
final class TextIndex {
    /** Between the lower-cased question and SQL of a replaced pair: not a word char, so no part spans it. */
    private static final char FIELD_SEPARATOR = '\n';

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TextVocabulary vocabulary;
    /** Per word id: its first ordinal, its last ordinal, the varint deltas after the first, their length. */
    private int[] first = new int[1024];

    private int[] last = new int[1024];
    private byte[][] rest = new byte[1024][];
    private int[] restLength = new int[1024];
    private long restBytes;
    private int words;
    private final BitSet ordinals = new BitSet();
    private int maxOrdinal = -1;
    /** Ordinal → lower-cased {@code question + '\n' + sql} of pairs edited after they were indexed. */
    private final Map<Integer, String> replaced = new HashMap<>();

    TextIndex() {
        this(new TextVocabulary());
    }

    private TextIndex(TextVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Writes the words, every word's postings, the indexed ordinals and the edited texts (for an index snapshot). */
    void write(SnapshotFile.Out out) throws IOException {
        lock.readLock().lock();
        try {
            vocabulary.write(out);
            out.i32(words);
            out.ints(first, words);
            out.ints(last, words);
            out.ints(restLength, words);
            for (int id = 0; id < words; id++) {
                if (restLength[id] > 0) {
                    out.bytes(rest[id], restLength[id]);
                }
            }
            long[] bits = ordinals.toLongArray();
            out.i32(bits.length);
            out.longs(bits, bits.length);
            out.i32(maxOrdinal);
            out.i32(replaced.size());
            for (Map.Entry<Integer, String> e : replaced.entrySet()) {
                out.i32(e.getKey());
                out.str(e.getValue());
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    static TextIndex read(SnapshotFile.In in) throws IOException {
        TextIndex t = new TextIndex(TextVocabulary.read(in));
        int n = in.count(12);
        if (n != t.vocabulary.size()) {
            throw new IOException(n + " postings for " + t.vocabulary.size() + " words");
        }
        int capacity = Math.max(1024, Integer.highestOneBit(Math.max(1, n)) * 2);
        t.words = n;
        t.first = Arrays.copyOf(in.ints(n), capacity);
        t.last = Arrays.copyOf(in.ints(n), capacity);
        t.restLength = Arrays.copyOf(in.ints(n), capacity);
        t.rest = new byte[capacity][];
        for (int id = 0; id < n; id++) {
            int length = t.restLength[id];
            if (length < 0) {
                throw new IOException("a negative postings length");
            }
            if (length > 0) {
                t.rest[id] = in.bytes(length);
                t.restBytes += arrayBytes(length);
            }
        }
        t.ordinals.or(BitSet.valueOf(in.longs(in.count(8))));
        t.maxOrdinal = in.i32();
        for (int i = 0, k = in.count(8); i < k; i++) {
            t.replaced.put(in.i32(), in.str());
        }
        return t;
    }

    /** Indexes the text of a new ordinal. Ordinals arrive in increasing order (each > every earlier one). */
    void add(int ordinal, String question, String sql) {
        String q = lower(question);
        String s = lower(sql);
        lock.writeLock().lock();
        try {
            if (ordinal <= maxOrdinal || ordinal < 0) {
                throw new IllegalArgumentException(
                        "ordinal " + ordinal + " after " + maxOrdinal + ": ordinals must increase");
            }
            post(q, ordinal);
            post(s, ordinal);
            ordinals.set(ordinal);
            maxOrdinal = ordinal;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The text of an already indexed ordinal changed (a user edited it; rare). Later matches use the new text only. */
    void replace(int ordinal, String question, String sql) {
        String text = lower(question) + FIELD_SEPARATOR + lower(sql);
        lock.writeLock().lock();
        try {
            if (ordinal < 0 || !ordinals.get(ordinal)) {
                throw new IllegalArgumentException("ordinal " + ordinal + " was never added");
            }
            replaced.put(ordinal, text);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The ordinals whose question or SQL may contain {@code phrase}, case-insensitively. */
    Candidates candidates(String phrase) {
        String lowered = lower(Objects.requireNonNull(phrase, "phrase"));
        List<String> parts = parts(lowered);
        boolean exact = parts.size() == 1 && parts.get(0).length() == lowered.length();
        lock.readLock().lock();
        try {
            if (parts.isEmpty()) {
                return new Candidates((BitSet) ordinals.clone(), false);
            }
            BitSet result = BitSet.valueOf(matchingAll(parts));
            for (Map.Entry<Integer, String> edited : replaced.entrySet()) {
                result.set(edited.getKey(), parts.stream().allMatch(edited.getValue()::contains));
            }
            return new Candidates(result, exact);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Estimated heap bytes held, for the benchmark. */
    long memoryBytes() {
        lock.readLock().lock();
        try {
            long bytes = vocabulary.memoryBytes()
                    + 4L * (first.length + last.length + rest.length + restLength.length)
                    + restBytes
                    + ordinals.size() / 8;
            for (String text : replaced.values()) {
                bytes += 100 + text.length();
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    record Candidates(BitSet ordinals, boolean exact) {}

    /** Bitmap of the ordinals whose postings hold, for every part, a word containing it. */
    private long[] matchingAll(List<String> parts) {
        long[] all = null;
        for (String part : parts) {
            long[] bits = new long[(maxOrdinal >> 6) + 1];
            vocabulary.forEachContaining(part, id -> decodeInto(id, bits));
            if (all == null) {
                all = bits;
            } else {
                long any = 0;
                for (int i = 0; i < all.length; i++) {
                    any |= all[i] &= bits[i];
                }
                if (any == 0) {
                    break;
                }
            }
        }
        return all;
    }

    private void post(String text, int ordinal) {
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int from = i;
            while (i < n && isWordChar(text.charAt(i))) {
                i++;
            }
            post(vocabulary.intern(text, from, i), ordinal);
        }
    }

    private void post(int id, int ordinal) {
        if (id == first.length) {
            int capacity = first.length * 2;
            first = Arrays.copyOf(first, capacity);
            last = Arrays.copyOf(last, capacity);
            rest = Arrays.copyOf(rest, capacity);
            restLength = Arrays.copyOf(restLength, capacity);
        }
        if (id == words) { // a new word: ids are dense and posted right after they are made
            words++;
            first[id] = ordinal;
            last[id] = ordinal;
            return;
        }
        int delta = ordinal - last[id];
        if (delta == 0) {
            return; // the word occurs again in the same pair
        }
        byte[] bytes = rest[id];
        int length = restLength[id];
        if (bytes == null || bytes.length - length < 5) {
            int capacity = bytes == null ? 4 : bytes.length + Math.max(bytes.length >> 1, 5);
            restBytes += arrayBytes(capacity) - (bytes == null ? 0 : arrayBytes(bytes.length));
            bytes = rest[id] = bytes == null ? new byte[capacity] : Arrays.copyOf(bytes, capacity);
        }
        while (delta >= 0x80) {
            bytes[length++] = (byte) (delta | 0x80);
            delta >>>= 7;
        }
        bytes[length++] = (byte) delta;
        restLength[id] = length;
        last[id] = ordinal;
    }

    private void decodeInto(int id, long[] bits) {
        int ordinal = first[id];
        bits[ordinal >> 6] |= 1L << ordinal;
        byte[] bytes = rest[id];
        for (int i = 0, n = restLength[id]; i < n; ) {
            int delta = bytes[i++];
            if (delta < 0) {
                delta &= 0x7F;
                int b;
                int shift = 7;
                do {
                    b = bytes[i++];
                    delta |= (b & 0x7F) << shift;
                    shift += 7;
                } while (b < 0);
            }
            ordinal += delta;
            bits[ordinal >> 6] |= 1L << ordinal;
        }
    }

    /**
     * The distinct word runs of a lower-cased phrase, longest first (usually the most selective),
     * without those inside another part: a word containing "customer_id" contains "id" too.
     */
    private static List<String> parts(String lowered) {
        List<String> runs = new ArrayList<>();
        int n = lowered.length();
        for (int i = 0; i < n; ) {
            if (!isWordChar(lowered.charAt(i))) {
                i++;
                continue;
            }
            int from = i;
            while (i < n && isWordChar(lowered.charAt(i))) {
                i++;
            }
            runs.add(lowered.substring(from, i));
        }
        runs.sort((a, b) -> b.length() - a.length());
        List<String> parts = new ArrayList<>();
        for (String run : runs) {
            if (parts.stream().noneMatch(p -> p.contains(run))) {
                parts.add(run);
            }
        }
        return parts;
    }

    private static boolean isWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetterOrDigit(c);
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }

    private static long arrayBytes(int length) {
        return (16 + length + 7) & ~7L;
    }
}
