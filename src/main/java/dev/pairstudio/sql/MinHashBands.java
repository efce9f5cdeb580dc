package dev.pairstudio.sql;

import java.util.Arrays;

/**
 * MinHash over a question's shingles, cut into LSH bands: two questions whose shingle sets have a
 * Jaccard index j share a band's hash with probability j^rows, so with enough bands every pair
 * near the threshold meets in some bucket. The hash functions are fixed, so the store's grouping
 * and a split audit put the same questions into the same buckets.
 */
final class MinHashBands {
    private final int rows;
    private final int[] seeds;

    MinHashBands(int bands, int rows) {
        this.rows = rows;
        this.seeds = new int[bands * rows];
        long seed = 0x5DEECE66DL;
        for (int i = 0; i < seeds.length; i++) {
            seed = QuestionShingles.mix(seed + 0x9E3779B97F4A7C15L);
            seeds[i] = (int) seed;
        }
    }

    int bands() {
        return seeds.length / rows;
    }

    /** The hash of band {@code b} of non-empty {@code shingles}; {@code mins} is scratch space of {@code rows} ints. */
    int band(int[] shingles, int b, int[] mins) {
        Arrays.fill(mins, Integer.MAX_VALUE);
        for (int shingle : shingles) {
            for (int r = 0; r < rows; r++) {
                int h = hash32(shingle ^ seeds[b * rows + r]);
                if (h < mins[r]) {
                    mins[r] = h;
                }
            }
        }
        int bandHash = b;
        for (int r = 0; r < rows; r++) {
            bandHash = bandHash * 0x9E3779B1 + mins[r];
        }
        return bandHash;
    }

    private static int hash32(int x) {
        x = (x ^ (x >>> 16)) * 0x7FEB352D;
        x = (x ^ (x >>> 15)) * 0x846CA68B;
        return x ^ (x >>> 16);
    }
}
