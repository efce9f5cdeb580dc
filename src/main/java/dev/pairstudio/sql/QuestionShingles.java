package dev.pairstudio.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Word shingles of a normalised question as sorted distinct 32-bit hashes, and their Jaccard index. */
final class QuestionShingles {
    private QuestionShingles() {}

    /** Hashes of every run of {@code k} consecutive words; a question shorter than k words is one shingle. */
    static int[] of(String normalized, int k) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= normalized.length(); i++) {
            boolean wordChar = i < normalized.length() && Character.isLetterOrDigit(normalized.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(normalized.substring(start, i));
                start = -1;
            }
        }
        if (words.isEmpty()) {
            return new int[0];
        }
        int count = Math.max(1, words.size() - k + 1);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            long h = 0x9E3779B97F4A7C15L;
            for (int j = i; j < Math.min(words.size(), i + k); j++) {
                h = (h ^ hash64(words.get(j))) * 0xBF58476D1CE4E5B9L;
            }
            out[i] = (int) (h ^ (h >>> 32));
        }
        Arrays.sort(out);
        return distinct(out);
    }

    static double jaccard(int[] a, int[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** FNV-1a over UTF-16 units with a final avalanche; 64 bits make collisions among a million texts negligible. */
    static long hash64(String s) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static int[] distinct(int[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }
}
