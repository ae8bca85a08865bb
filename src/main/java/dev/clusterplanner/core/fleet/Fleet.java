package dev.clusterplanner.core.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A working answer: hosts with their type, load and instances; instances with their host. Mutable, one per search. */
final class Fleet {

    /** One host: its type, load per dimension and instances. */
    static final class Host {
        final int type;
        final double[] load;
        int[] members = new int[4];
        int size;

        Host(int type, int dims) {
            this.type = type;
            this.load = new double[dims];
        }

        void add(int i, Flat f) {
            if (size == members.length) {
                members = Arrays.copyOf(members, size * 2);
            }
            members[size++] = i;
            for (int d = 0; d < f.dims; d++) {
                load[d] += f.dem[i * f.dims + d];
            }
        }

        boolean hasGroup(int g, Flat f) {
            if (g < 0) {
                return false;
            }
            for (int m = 0; m < size; m++) {
                if (f.group[members[m]] == g) {
                    return true;
                }
            }
            return false;
        }

        boolean fits(int i, Flat f) {
            int o = type * f.dims;
            for (int d = 0; d < f.dims; d++) {
                if (!f.pooled[d] && load[d] + f.dem[i * f.dims + d] > f.cap[o + d] + Flat.EPS) {
                    return false;
                }
            }
            return !hasGroup(f.group[i], f);
        }

        /** Largest share of a finite capacity in use. */
        double utilisation(Flat f) {
            double u = 0;
            for (int d = 0; d < f.dims; d++) {
                double c = f.cap[type * f.dims + d];
                if (c > 0 && !Double.isInfinite(c) && !f.pooled[d]) {
                    u = Math.max(u, load[d] / c);
                }
            }
            return u;
        }
    }

    final Flat f;
    final List<Host> hosts = new ArrayList<>();
    final int[] hostOf;
    final int[] poolUse;

    Fleet(Flat f) {
        this.f = f;
        this.hostOf = new int[f.n];
        Arrays.fill(hostOf, -1);
        this.poolUse = new int[f.poolStock.length];
    }

    Fleet copy() {
        Fleet c = new Fleet(f);
        for (Host h : hosts) {
            Host n = new Host(h.type, f.dims);
            System.arraycopy(h.load, 0, n.load, 0, f.dims);
            n.members = Arrays.copyOf(h.members, Math.max(4, h.size));
            n.size = h.size;
            c.hosts.add(n);
        }
        System.arraycopy(hostOf, 0, c.hostOf, 0, f.n);
        System.arraycopy(poolUse, 0, c.poolUse, 0, poolUse.length);
        return c;
    }

    boolean stockLeft(int t) {
        return poolUse[f.poolOf[t]] < f.poolStock[f.poolOf[t]];
    }

    int open(int t) {
        hosts.add(new Host(t, f.dims));
        poolUse[f.poolOf[t]]++;
        return hosts.size() - 1;
    }

    void place(int i, int h) {
        hosts.get(h).add(i, f);
        hostOf[i] = h;
    }

    double cost() {
        double c = 0;
        for (Host h : hosts) {
            c += f.cost[h.type];
        }
        return c;
    }

    /** Changes the type of host h (its load must fit the new type). */
    void retype(int h, int t) {
        Host old = hosts.get(h);
        Host n = new Host(t, f.dims);
        System.arraycopy(old.load, 0, n.load, 0, f.dims);
        n.members = old.members;
        n.size = old.size;
        poolUse[f.poolOf[old.type]]--;
        poolUse[f.poolOf[t]]++;
        hosts.set(h, n);
    }

    /** Removes the hosts whose indexes are given (their instances become unplaced) and renumbers the rest. */
    void removeHosts(int[] which) {
        boolean[] drop = new boolean[hosts.size()];
        for (int h : which) {
            drop[h] = true;
            Host x = hosts.get(h);
            poolUse[f.poolOf[x.type]]--;
            for (int m = 0; m < x.size; m++) {
                hostOf[x.members[m]] = -1;
            }
        }
        List<Host> kept = new ArrayList<>(hosts.size());
        for (int h = 0; h < hosts.size(); h++) {
            if (!drop[h]) {
                Host x = hosts.get(h);
                int idx = kept.size();
                kept.add(x);
                for (int m = 0; m < x.size; m++) {
                    hostOf[x.members[m]] = idx;
                }
            }
        }
        hosts.clear();
        hosts.addAll(kept);
    }

    /** -1 when the failure headroom holds ({@link FleetCheck#headroomHolds}), else the first dimension short of it. */
    int headroomShort() {
        double[] caps = new double[hosts.size()];
        for (int d = 0; d < f.dims; d++) {
            if (!f.fleetRule(d)) {
                continue;
            }
            double load = 0;
            for (int h = 0; h < caps.length; h++) {
                Host x = hosts.get(h);
                caps[h] = f.cap[x.type * f.dims + d];
                load += x.load[d];
            }
            if (!FleetCheck.headroomHolds(caps, load, f.reserve[d])) {
                return d;
            }
        }
        return -1;
    }

    boolean allPlaced() {
        for (int h : hostOf) {
            if (h < 0) {
                return false;
            }
        }
        return true;
    }

    /** The answer as a public record; hosts ordered owned first, then by type index, keeping their order otherwise. */
    FleetSolution toSolution(double lowerBound, FleetSolution.Status status, long iterations, double seconds,
                             boolean deterministic, double startCost) {
        Integer[] order = new Integer[hosts.size()];
        for (int h = 0; h < order.length; h++) {
            order[h] = h;
        }
        Arrays.sort(order, (a, b) -> {
            Host x = hosts.get(a);
            Host y = hosts.get(b);
            boolean ox = f.problem.types().get(x.type).owned();
            boolean oy = f.problem.types().get(y.type).owned();
            if (ox != oy) {
                return ox ? -1 : 1;
            }
            return x.type != y.type ? Integer.compare(x.type, y.type) : Integer.compare(a, b);
        });
        int[] newIndex = new int[hosts.size()];
        List<FleetHost> out = new ArrayList<>();
        for (int r = 0; r < order.length; r++) {
            Host x = hosts.get(order[r]);
            newIndex[order[r]] = r;
            int[] ms = Arrays.copyOf(x.members, x.size);
            Arrays.sort(ms);
            List<Integer> list = new ArrayList<>(ms.length);
            for (int m : ms) {
                list.add(m);
            }
            out.add(new FleetHost(x.type, f.problem.types().get(x.type).id(), list));
        }
        int[] ho = new int[f.n];
        for (int i = 0; i < f.n; i++) {
            ho[i] = hostOf[i] < 0 ? -1 : newIndex[hostOf[i]];
        }
        return new FleetSolution(out, f.workloadOf, ho, cost(), lowerBound, status, iterations, seconds, deterministic, startCost);
    }
}
