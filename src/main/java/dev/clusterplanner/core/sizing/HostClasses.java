package dev.clusterplanner.core.sizing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Hosts of a packing grouped into classes of interchangeable hosts (same capacity, same instances per workload): swapping
 * two of them maps the placement, and any re-placement after a loss, onto another valid one, so the failure check
 * evacuates one failure set per class of sets.
 */
final class HostClasses {

    private final Packing pk;

    HostClasses(Packing pk) {
        this.pk = pk;
    }

    // per-host content, built on first use: host h holds contW/contN[contStart[h] .. contStart[h+1]) sorted by workload
    int[] contStart;
    int[] contW;
    int[] contN;
    // classes of interchangeable hosts: cls[h], and rank of h among its class's hosts in index order
    int[] cls;
    int[] rankInClass;
    int classes = -1;

    // ------------------------------------------------------------------ host content and classes

    void content() {
        if (contStart != null) {
            return;
        }
        int n = pk.caps.length;
        int[] start = new int[n + 1];
        for (int i = 0; i < pk.runs; i++) {
            if (pk.runH[i] >= 0) {
                start[pk.runH[i] + 1]++;
            }
        }
        for (int h = 0; h < n; h++) {
            start[h + 1] += start[h];
        }
        int[] idx = new int[start[n]];
        int[] pos = Arrays.copyOf(start, n);
        for (int i = 0; i < pk.runs; i++) {
            if (pk.runH[i] >= 0) {
                idx[pos[pk.runH[i]]++] = i;
            }
        }
        int[] cs = new int[n + 1];
        int[] cw = new int[idx.length];
        int[] cn = new int[idx.length];
        int e = 0;
        for (int h = 0; h < n; h++) {
            // sort the host's runs by workload (insertion sort when it has few), then merge equal workloads
            if (start[h + 1] - start[h] > 16) {
                long[] keys = new long[start[h + 1] - start[h]];
                for (int a = start[h]; a < start[h + 1]; a++) {
                    keys[a - start[h]] = ((long) pk.runW[idx[a]] << 32) | idx[a];
                }
                Arrays.sort(keys);
                for (int a = start[h]; a < start[h + 1]; a++) {
                    idx[a] = (int) keys[a - start[h]];
                }
            }
            for (int a = start[h] + 1; a < start[h + 1]; a++) {
                int x = idx[a];
                int b = a - 1;
                while (b >= start[h] && pk.runW[idx[b]] > pk.runW[x]) {
                    idx[b + 1] = idx[b];
                    b--;
                }
                idx[b + 1] = x;
            }
            cs[h] = e;
            for (int a = start[h]; a < start[h + 1]; a++) {
                int i = idx[a];
                if (e > cs[h] && cw[e - 1] == pk.runW[i]) {
                    cn[e - 1] += pk.runCount[i];
                } else {
                    cw[e] = pk.runW[i];
                    cn[e] = pk.runCount[i];
                    e++;
                }
            }
        }
        cs[n] = e;
        contStart = cs;
        contW = Arrays.copyOf(cw, e);
        contN = Arrays.copyOf(cn, e);
    }

    /** Groups the hosts into classes of interchangeable hosts (same capacity, same instances per workload). */
    void classes() {
        if (classes >= 0) {
            return;
        }
        content();
        int n = pk.caps.length;
        cls = new int[n];
        rankInClass = new int[n];
        Map<HostKey, int[]> seen = new HashMap<>();
        int c = 0;
        for (int h = 0; h < n; h++) {
            HostKey key = key(h);
            int[] v = seen.get(key);
            if (v == null) {
                v = new int[]{c++, 0};
                seen.put(key, v);
            }
            cls[h] = v[0];
            rankInClass[h] = v[1]++;
        }
        classes = c;
    }

    HostKey key(int h) {
        return new HostKey(pk.caps[h], Arrays.copyOfRange(contW, contStart[h], contStart[h + 1]),
                Arrays.copyOfRange(contN, contStart[h], contStart[h + 1]));
    }

    record HostKey(double[] cap, int[] w, int[] n) {
        @Override
        public boolean equals(Object o) {
            return o instanceof HostKey k && Arrays.equals(cap, k.cap) && Arrays.equals(w, k.w) && Arrays.equals(n, k.n);
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(cap) * 31 + Arrays.hashCode(w)) * 31 + Arrays.hashCode(n);
        }
    }

    /** Distinct classes of interchangeable hosts (for reports). */
    int hostClasses() {
        classes();
        return classes;
    }
}
