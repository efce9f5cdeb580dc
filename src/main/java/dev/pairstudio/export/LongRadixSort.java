package dev.pairstudio.export;

import java.util.Arrays;

/** Sorts longs with an int carried along each (LSD radix, 16 bits a pass): what Arrays.sort cannot do without boxing. */
final class LongRadixSort {
    private LongRadixSort() {}

    /** Sorts {@code keys} as unsigned numbers, moving {@code values[i]} with {@code keys[i]}. */
    static void sort(long[] keys, int[] values) {
        int n = keys.length;
        long[] k2 = new long[n];
        int[] v2 = new int[n];
        int[] count = new int[1 << 16];
        for (int shift = 0; shift < 64; shift += 16) {
            Arrays.fill(count, 0);
            for (long k : keys) {
                count[(int) (k >>> shift) & 0xFFFF]++;
            }
            for (int i = 0, sum = 0; i < count.length; i++) {
                int c = count[i];
                count[i] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int d = (int) (keys[i] >>> shift) & 0xFFFF;
                int at = count[d]++;
                k2[at] = keys[i];
                v2[at] = values[i];
            }
            System.arraycopy(k2, 0, keys, 0, n);
            System.arraycopy(v2, 0, values, 0, n);
        }
    }
}
