package dev.pairstudio.store.index;

/**
 * What tells a reader whether the texts it saw are still the ones stored: a hash of a pair's
 * question and SQL (the index keeps one per pair, to notice an edited text when a row is put
 * again), and each live pair's share of the digest of all of them ({@link PairIndex#liveTextDigest}).
 */
public final class TextDigest {
    private TextDigest() {}

    public static int textHash(String question, String sql) {
        return 31 * question.hashCode() + sql.hashCode();
    }

    static int textHash(IndexRow r) {
        return textHash(r.question(), r.sql());
    }

    /** One pair's share of the digest: a well-mixed hash of its id and texts. */
    public static long of(long id, int textHash) {
        long z = id * 0x9E3779B97F4A7C15L ^ (textHash & 0xFFFFFFFFL);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
