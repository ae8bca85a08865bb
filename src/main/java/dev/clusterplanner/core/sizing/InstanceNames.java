package dev.clusterplanner.core.sizing;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The instance names of one host, kept as runs ("instances first..first+count-1 of workload w") and spelled out
 * ({@code <workload>-<n>}) when read: a host of a large plan runs hundreds of instances, and a sizing builds several
 * placements, so the names are not materialised until someone reads them. Immutable; equal to any list of the same names.
 */
final class InstanceNames extends AbstractList<String> implements RandomAccess {

    private final String[] workloadNames;
    private final int[] w;
    private final int[] first;
    /** end[i] = instances in runs 0..i (exclusive prefix sums shifted by one). */
    private final int[] end;

    /** Runs in the order the names are listed (callers sort them by workload, then first instance). */
    InstanceNames(String[] workloadNames, int[] w, int[] first, int[] count) {
        this.workloadNames = workloadNames;
        this.w = w;
        this.first = first;
        this.end = new int[count.length];
        int s = 0;
        for (int i = 0; i < count.length; i++) {
            s += count[i];
            end[i] = s;
        }
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int lo = 0;
        int hi = end.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[mid] > index) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int before = lo == 0 ? 0 : end[lo - 1];
        return workloadNames[w[lo]] + "-" + (first[lo] + index - before);
    }

    @Override
    public int size() {
        return end.length == 0 ? 0 : end[end.length - 1];
    }
}
