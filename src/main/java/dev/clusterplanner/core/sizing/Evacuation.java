package dev.clusterplanner.core.sizing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evacuation after a loss, as Incus cluster healing does it: instances on the survivors stay, those of the failed hosts
 * are re-placed largest first onto the survivors (a workload's evacuees as a group, first fit), honouring capacity and
 * anti-affinity; and the what-if re-placement of one set, mapped through the swap of identical hosts when needed.
 */
final class Evacuation {

    private final Packing pk;

    Evacuation(Packing pk) {
        this.pk = pk;
    }

    /** Reusable buffers of an evacuation. */
    static final class Scratch {
        final double[] saved;
        final int[] savedCount;
        final boolean[] touched;
        final int[] touchedList;

        Scratch(int n) {
            saved = new double[n * Packer.D];
            savedCount = new int[n];
            touched = new boolean[n];
            touchedList = new int[n];
        }
    }

    /**
     * Evacuates the hosts in {@code failed} and undoes it. Evacuees go by workload (in {@link Packing#evacRank} order), each
     * workload's as a group, first fit onto the survivors. Returns null when all find a host, else {workload, ordinal}
     * of the first that does not. When {@code moves} is given it receives (workload, host, count) per move, in order.
     */
    int[] evacuate(int[] failed, Scratch s, List<int[]> moves) {
        pk.classesOf.content();
        // evacuee groups: (workload, count), merged over the failed hosts
        int groups = 0;
        for (int f : failed) {
            groups += pk.classesOf.contStart[f + 1] - pk.classesOf.contStart[f];
        }
        long[] keys = new long[groups];
        int g = 0;
        for (int f : failed) {
            for (int j = pk.classesOf.contStart[f]; j < pk.classesOf.contStart[f + 1]; j++) {
                keys[g++] = ((long) pk.evacRank[pk.classesOf.contW[j]] << 32) | pk.classesOf.contW[j];
            }
        }
        Arrays.sort(keys);
        for (int f : failed) {
            pk.packer.setDisabled(f, true);
        }
        int nt = 0;
        int[] strandedAt = null;
        List<int[]> aaSet = null;
        for (int gi = 0; gi < groups && strandedAt == null; gi++) {
            if (gi > 0 && keys[gi] == keys[gi - 1]) {
                continue;
            }
            int w = (int) keys[gi];
            int cnt = 0;
            for (int f : failed) {
                cnt += countOn(f, w);
            }
            double[] dem = pk.inst.wDem[w];
            boolean aa = pk.packer.aaHosts[w] != null;
            int moved = 0;
            int h = 0;
            while (moved < cnt) {
                h = pk.packer.findAtOrAfter(dem, w, h);
                if (h < 0) {
                    strandedAt = new int[]{w, evacueeOrdinal(failed, w, moved)};
                    break;
                }
                if (!s.touched[h]) {
                    s.touched[h] = true;
                    s.touchedList[nt++] = h;
                    System.arraycopy(pk.packer.free, h * Packer.D, s.saved, h * Packer.D, Packer.D);
                    s.savedCount[h] = pk.packer.count[h];
                }
                int m = aa ? 1 : Math.min(cnt - moved, pk.packer.room(h, dem));
                if (aa) {
                    if (aaSet == null) {
                        aaSet = new ArrayList<>();
                    }
                    aaSet.add(new int[]{w, h});
                }
                pk.packer.place(h, dem, w, m);
                if (moves != null) {
                    moves.add(new int[]{w, h, m});
                }
                moved += m;
            }
        }
        // undo
        if (aaSet != null) {
            for (int[] x : aaSet) {
                pk.packer.aaHosts[x[0]].clear(x[1]);
            }
        }
        double[] buf = new double[Packer.D];
        for (int t = 0; t < nt; t++) {
            int h = s.touchedList[t];
            System.arraycopy(s.saved, h * Packer.D, buf, 0, Packer.D);
            pk.packer.restore(h, buf, s.savedCount[h]);
            s.touched[h] = false;
        }
        for (int f : failed) {
            pk.packer.setDisabled(f, false);
        }
        return strandedAt;
    }

    int countOn(int h, int w) {
        for (int j = pk.classesOf.contStart[h]; j < pk.classesOf.contStart[h + 1]; j++) {
            if (pk.classesOf.contW[j] == w) {
                return pk.classesOf.contN[j];
            }
        }
        return 0;
    }

    /** The ordinals of workload w's instances on the failed hosts, ascending (the order they are evacuated in). */
    int[] evacueeOrdinals(int[] failed, int w) {
        boolean[] dead = new boolean[pk.caps.length];
        for (int f : failed) {
            dead[f] = true;
        }
        int total = 0;
        for (int i = 0; i < pk.runs; i++) {
            if (pk.runW[i] == w && pk.runH[i] >= 0 && dead[pk.runH[i]]) {
                total += pk.runCount[i];
            }
        }
        int[] out = new int[total];
        int p = 0;
        for (int i = 0; i < pk.runs; i++) {
            if (pk.runW[i] == w && pk.runH[i] >= 0 && dead[pk.runH[i]]) {
                for (int j = 0; j < pk.runCount[i]; j++) {
                    out[p++] = pk.runFirst[i] + j;
                }
            }
        }
        Arrays.sort(out);
        return out;
    }

    int evacueeOrdinal(int[] failed, int w, int index) {
        int[] ords = evacueeOrdinals(failed, w);
        return index < ords.length ? ords[index] : -1;
    }

    /**
     * The host of every instance after losing {@code failed} (evacuation model): {@code [w][j - 1]} for instance j of
     * workload w, or null if some instance finds no host. When the direct evacuation of this set strands an instance but
     * the set is interchangeable with the one the failure check evacuated (identical hosts swapped), that set's
     * re-placement is used, mapped through the swap.
     */
    int[][] evacuate(int[] failed) {
        int[] sorted = failed.clone();
        Arrays.sort(sorted);
        List<int[]> moves = new ArrayList<>();
        if (evacuate(sorted, new Scratch(pk.caps.length), moves) == null) {
            return after(sorted, moves, null);
        }
        return evacuateBySwap(sorted);
    }

    /**
     * The re-placement after losing {@code failed}, taken from the interchangeable set made of the first hosts of each
     * class (the one the failure check evacuates) and mapped back through the swap of identical hosts; null if that set
     * strands an instance too.
     */
    int[][] evacuateBySwap(int[] failed) {
        int[] sorted = failed.clone();
        Arrays.sort(sorted);
        pk.classesOf.classes();
        int[] perm = swapToCanonical(sorted);
        int[] canon = sorted.clone();
        if (perm != null) {
            for (int i = 0; i < sorted.length; i++) {
                canon[i] = perm[sorted[i]];
            }
            Arrays.sort(canon);
        }
        List<int[]> moves = new ArrayList<>();
        if (evacuate(canon, new Scratch(pk.caps.length), moves) != null) {
            return null;
        }
        return after(sorted, moves, perm);
    }

    /** Every instance's host after the moves: the evacuees of each workload on {@code failed}, in ordinal order, take the moves' hosts (through {@code perm}) in order. */
    int[][] after(int[] failed, List<int[]> moves, int[] perm) {
        int[][] out = new int[pk.inst.cnt.length][];
        for (int w = 0; w < out.length; w++) {
            out[w] = new int[pk.inst.cnt[w]];
            Arrays.fill(out[w], -1);
        }
        for (int i = 0; i < pk.runs; i++) {
            for (int j = 0; j < pk.runCount[i]; j++) {
                out[pk.runW[i]][pk.runFirst[i] + j - 1] = pk.runH[i];
            }
        }
        Map<Integer, int[]> ords = new HashMap<>();
        Map<Integer, Integer> used = new HashMap<>();
        for (int[] mv : moves) {
            int w = mv[0];
            int[] o = ords.computeIfAbsent(w, x -> evacueeOrdinals(failed, x));
            int at = used.getOrDefault(w, 0);
            int host = perm == null ? mv[1] : perm[mv[1]];
            for (int j = 0; j < mv[2]; j++) {
                out[w][o[at + j] - 1] = host;
            }
            used.put(w, at + mv[2]);
        }
        return out;
    }

    /**
     * The swap of interchangeable hosts that maps the set onto the canonical one (the first hosts of each class), as a
     * permutation of host indices (an involution); null when the set already is canonical.
     */
    int[] swapToCanonical(int[] set) {
        int n = pk.caps.length;
        int[] perm = new int[n];
        for (int h = 0; h < n; h++) {
            perm[h] = h;
        }
        Map<Integer, List<Integer>> inSet = new HashMap<>();
        for (int h : set) {
            inSet.computeIfAbsent(pk.classesOf.cls[h], x -> new ArrayList<>()).add(h);
        }
        boolean changed = false;
        for (Map.Entry<Integer, List<Integer>> e : inSet.entrySet()) {
            int c = e.getKey();
            List<Integer> chosen = e.getValue();
            List<Integer> firsts = new ArrayList<>();
            for (int h = 0; h < n && firsts.size() < chosen.size(); h++) {
                if (pk.classesOf.cls[h] == c) {
                    firsts.add(h);
                }
            }
            List<Integer> out = new ArrayList<>(chosen);
            out.removeAll(firsts);
            List<Integer> in = new ArrayList<>(firsts);
            in.removeAll(chosen);
            for (int i = 0; i < out.size(); i++) {
                perm[out.get(i)] = in.get(i);
                perm[in.get(i)] = out.get(i);
                changed = true;
            }
        }
        return changed ? perm : null;
    }
}
