package dev.clusterplanner.core.fleet;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One repair of the large neighbourhood search: the instances of some hosts ("destroyed") are placed again, exactly,
 * by CP-SAT, onto new hosts of any type within stock or into the room left on a few other hosts ("receivers"),
 * at the lowest cost and, at equal cost, with as little as possible on new hosts (so later repairs can empty them).
 * The current placement is the hint, so a repair never returns a worse answer; it is applied only when its objective
 * is at most the current one.
 */
final class Repair {

    /**
     * Outcome: whether the fleet changed, CP-SAT's deterministic work, whether it proved its sub-problem optimal, and
     * its proven bound on the cost of the new hosts (USD; meaningful as a bound of the whole fleet only when every host
     * was freed and there were no receivers).
     */
    record Outcome(boolean applied, boolean improvedCost, double work, boolean optimal, double costBound, boolean infeasible) {
        Outcome(boolean applied, boolean improvedCost, double work, boolean optimal, double costBound) {
            this(applied, improvedCost, work, optimal, costBound, false);
        }

        static Outcome none(double work) {
            return new Outcome(false, false, work, false, 0);
        }
    }

    private Repair() {
    }

    static Outcome run(Flat f, Fleet fl, int[] destroy, int[] receivers, int[] typesToOffer, int slotsPerType,
                       double workLimit, int seed, long[] sizeUnits) {
        int dims = f.dims;
        List<Fleet.Host> dHosts = new ArrayList<>();
        List<Integer> freed = new ArrayList<>();
        int[] destroyedOfType = new int[f.types];
        long oldCents = 0;
        for (int h : destroy) {
            Fleet.Host x = fl.hosts.get(h);
            dHosts.add(x);
            destroyedOfType[x.type]++;
            oldCents += Scale.cents(f.cost[x.type]);
            for (int m = 0; m < x.size; m++) {
                freed.add(x.members[m]);
            }
        }
        // instances the start could not place are always placed again (then any answer that places them is taken)
        boolean unplaced = false;
        for (int i = 0; i < f.n; i++) {
            if (fl.hostOf[i] < 0) {
                freed.add(i);
                unplaced = true;
            }
        }
        int[] poolFree = new int[f.poolStock.length];
        for (int q = 0; q < poolFree.length; q++) {
            poolFree[q] = f.poolStock[q] == Integer.MAX_VALUE ? Integer.MAX_VALUE : f.poolStock[q] - fl.poolUse[q];
        }
        for (Fleet.Host x : dHosts) {
            if (poolFree[f.poolOf[x.type]] != Integer.MAX_VALUE) {
                poolFree[f.poolOf[x.type]]++;
            }
        }
        // slots: per offered type, up to slotsPerType within stock, and at least the destroyed hosts of that type
        List<Integer> slotType = new ArrayList<>();
        int[] firstSlotOfType = new int[f.types];
        Arrays.fill(firstSlotOfType, -1);
        boolean[] offered = new boolean[f.types];
        for (int t : typesToOffer) {
            offered[t] = true;
        }
        for (int t = 0; t < f.types; t++) {
            offered[t] |= destroyedOfType[t] > 0;
            if (!offered[t]) {
                continue;
            }
            // placing what a start could not: room for fragmentation and anti-affinity beyond the volume
            int carry = unplaced ? Math.min(freed.size(), Math.max(2 * hostsToCarry(f, freed, t), f.fewestHosts)) : hostsToCarry(f, freed, t);
            int cnt = Math.max(destroyedOfType[t], Math.min(Math.min(slotsPerType, carry), poolFree[f.poolOf[t]]));
            firstSlotOfType[t] = slotType.size();
            for (int c = 0; c < cnt; c++) {
                slotType.add(t);
            }
        }
        int nf = freed.size();
        int ns = slotType.size();
        int nr = receivers.length;
        CpModel m = new CpModel();
        BoolVar[] y = new BoolVar[ns];
        for (int s = 0; s < ns; s++) {
            y[s] = m.newBoolVar("y" + s);
            if (s > 0 && slotType.get(s) == (int) slotType.get(s - 1)) {
                m.addImplication(y[s], y[s - 1]); // identical slots are used in order
            }
        }
        BoolVar[][] xs = new BoolVar[nf][ns];
        BoolVar[][] xr = new BoolVar[nf][nr];
        for (int a = 0; a < nf; a++) {
            int i = freed.get(a);
            List<Literal> choices = new ArrayList<>();
            for (int s = 0; s < ns; s++) {
                if (f.fitsEmpty(i, slotType.get(s))) {
                    xs[a][s] = m.newBoolVar("");
                    choices.add(xs[a][s]);
                    m.addImplication(xs[a][s], y[s]);
                }
            }
            for (int b = 0; b < nr; b++) {
                Fleet.Host r = fl.hosts.get(receivers[b]);
                if (r.fits(i, f)) {
                    xr[a][b] = m.newBoolVar("");
                    choices.add(xr[a][b]);
                }
            }
            if (choices.isEmpty()) {
                return new Outcome(false, false, 0, false, 0, fl.hostOf[i] < 0); // an unplaced instance fits nowhere offered
            }
            m.addExactlyOne(choices.toArray(new Literal[0]));
        }
        // capacity per host, and the fleet-wide rules (pools, failure headroom)
        for (int d = 0; d < dims; d++) {
            if (!f.limited[d] && !f.pooled[d]) {
                continue;
            }
            double sc = f.scale[d];
            long[] dem = new long[nf];
            long demSum = 0;
            for (int a = 0; a < nf; a++) {
                dem[a] = Scale.demand(f.dem[freed.get(a) * dims + d], sc);
                demSum += dem[a];
            }
            if (f.limited[d] && demSum > 0) {
                for (int s = 0; s < ns; s++) {
                    long c = Scale.capacity(f.cap[slotType.get(s) * dims + d], sc);
                    LinearExprBuilder e = LinearExpr.newBuilder();
                    for (int a = 0; a < nf; a++) {
                        if (xs[a][s] != null && dem[a] > 0) {
                            e.addTerm(xs[a][s], dem[a]);
                        }
                    }
                    m.addLessOrEqual(e.addTerm(y[s], -c), 0);
                }
                for (int b = 0; b < nr; b++) {
                    Fleet.Host r = fl.hosts.get(receivers[b]);
                    LinearExprBuilder e = LinearExpr.newBuilder();
                    for (int a = 0; a < nf; a++) {
                        if (xr[a][b] != null && dem[a] > 0) {
                            e.addTerm(xr[a][b], dem[a]);
                        }
                    }
                    m.addLessOrEqual(e, Scale.capacity(f.cap[r.type * dims + d] - r.load[d], sc));
                }
            }
            if (f.fleetRule(d)) {
                fleetRule(f, fl, m, d, destroy, slotType, y);
            }
        }
        // anti-affinity: one replica per group per host
        Map<Integer, List<Integer>> byGroup = new java.util.HashMap<>();
        for (int a = 0; a < nf; a++) {
            int g = f.group[freed.get(a)];
            if (g >= 0) {
                byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(a);
            }
        }
        for (List<Integer> members : byGroup.values()) {
            if (members.size() < 2) {
                continue;
            }
            for (int s = 0; s < ns; s++) {
                List<Literal> l = new ArrayList<>();
                for (int a : members) {
                    if (xs[a][s] != null) {
                        l.add(xs[a][s]);
                    }
                }
                if (l.size() > 1) {
                    m.addAtMostOne(l.toArray(new Literal[0]));
                }
            }
            for (int b = 0; b < nr; b++) {
                List<Literal> l = new ArrayList<>();
                for (int a : members) {
                    if (xr[a][b] != null) {
                        l.add(xr[a][b]);
                    }
                }
                if (l.size() > 1) {
                    m.addAtMostOne(l.toArray(new Literal[0]));
                }
            }
        }
        // stock per pool, fewest hosts
        for (int q = 0; q < poolFree.length; q++) {
            if (poolFree[q] == Integer.MAX_VALUE) {
                continue;
            }
            List<Literal> l = new ArrayList<>();
            for (int s = 0; s < ns; s++) {
                if (f.poolOf[slotType.get(s)] == q) {
                    l.add(y[s]);
                }
            }
            if (l.size() > poolFree[q]) {
                m.addLessOrEqual(LinearExpr.sum(l.toArray(new BoolVar[0])), poolFree[q]);
            }
        }
        int outside = fl.hosts.size() - destroy.length;
        if (outside < f.fewestHosts) {
            m.addGreaterOrEqual(LinearExpr.sum(y), f.fewestHosts - outside);
        }
        // objective: cost first, then as little as possible on new hosts
        // objective: cost first; then the load on new hosts, the j-th slot of a type counting j + 1 times, so that at
        // equal cost load moves onto receivers and the first slots and the last ones empty (a later step can close them)
        long sizeSum = 0;
        for (int a = 0; a < nf; a++) {
            sizeSum += sizeUnits[freed.get(a)];
        }
        long[] rank = new long[ns];
        long maxRank = 1;
        for (int s = 0; s < ns; s++) {
            rank[s] = 1 + s - firstSlotOfType[slotType.get(s)];
            maxRank = Math.max(maxRank, rank[s]);
        }
        long w = 1 + sizeSum * maxRank;
        LinearExprBuilder obj = LinearExpr.newBuilder();
        for (int s = 0; s < ns; s++) {
            obj.addTerm(y[s], Scale.cents(f.cost[slotType.get(s)]) * w);
        }
        for (int a = 0; a < nf; a++) {
            for (int s = 0; s < ns; s++) {
                if (xs[a][s] != null) {
                    obj.addTerm(xs[a][s], sizeUnits[freed.get(a)] * rank[s]);
                }
            }
        }
        m.minimize(obj);
        // hint: the current placement (the destroyed hosts of type t, fullest first, are the slots of type t in order)
        int[] usedOfType = new int[f.types];
        Map<Fleet.Host, Integer> slotOfHost = new IdentityHashMap<>();
        List<Fleet.Host> fullestFirst = new ArrayList<>(dHosts);
        fullestFirst.sort((p, q) -> Double.compare(q.utilisation(f), p.utilisation(f)));
        for (Fleet.Host x : fullestFirst) {
            slotOfHost.put(x, firstSlotOfType[x.type] + usedOfType[x.type]++);
        }
        long oldObj = oldCents * w;
        boolean[] hinted = new boolean[ns];
        for (int a = 0; a < nf; a++) {
            int i = freed.get(a);
            if (fl.hostOf[i] < 0) {
                continue;
            }
            int s = slotOfHost.get(fl.hosts.get(fl.hostOf[i]));
            hinted[s] = true;
            if (xs[a][s] == null) {
                return Outcome.none(0);
            }
            oldObj += sizeUnits[i] * rank[s];
        }
        if (unplaced) {
            oldObj = Long.MAX_VALUE;
        }
        for (int s = 0; s < ns; s++) {
            m.addHint(y[s], slotOfHost.containsValue(s) ? 1 : 0);
            for (int a = 0; a < nf; a++) {
                int h = fl.hostOf[freed.get(a)];
                if (xs[a][s] != null && h >= 0) {
                    m.addHint(xs[a][s], slotOfHost.get(fl.hosts.get(h)) == s ? 1 : 0);
                }
            }
        }
        for (int a = 0; a < nf; a++) {
            for (int b = 0; b < nr; b++) {
                if (xr[a][b] != null) {
                    m.addHint(xr[a][b], 0);
                }
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1).setMaxDeterministicTime(workLimit).setRandomSeed(seed)
                .setCatchSigintSignal(false); // Ctrl+C is the program's (it keeps the best answer), not the native solver's
        CpSolverStatus st = solver.solve(m);
        double work = solver.response().getDeterministicTime();
        boolean optimal = st == CpSolverStatus.OPTIMAL;
        if (st != CpSolverStatus.OPTIMAL && st != CpSolverStatus.FEASIBLE) {
            return new Outcome(false, false, work, false, 0, st == CpSolverStatus.INFEASIBLE);
        }
        double bound = Math.floor((solver.bestObjectiveBound() + 1e-6) / w) / 100.0;
        long newObj = Math.round(solver.objectiveValue());
        if (newObj >= oldObj) {
            return new Outcome(false, false, work, optimal, bound);
        }
        // apply
        List<Fleet.Host> recv = new ArrayList<>();
        for (int h : receivers) {
            recv.add(fl.hosts.get(h));
        }
        fl.removeHosts(destroy);
        int[] hostOfSlot = new int[ns];
        Arrays.fill(hostOfSlot, -1);
        for (int s = 0; s < ns; s++) {
            if (solver.booleanValue(y[s])) {
                hostOfSlot[s] = fl.open(slotType.get(s));
            }
        }
        Map<Fleet.Host, Integer> recvIndex = new IdentityHashMap<>();
        for (int h = 0; h < fl.hosts.size(); h++) {
            recvIndex.put(fl.hosts.get(h), h);
        }
        for (int a = 0; a < nf; a++) {
            int i = freed.get(a);
            int target = -1;
            for (int s = 0; s < ns && target < 0; s++) {
                if (xs[a][s] != null && solver.booleanValue(xs[a][s])) {
                    target = hostOfSlot[s];
                }
            }
            for (int b = 0; b < nr && target < 0; b++) {
                if (xr[a][b] != null && solver.booleanValue(xr[a][b])) {
                    target = recvIndex.get(recv.get(b));
                }
            }
            fl.place(i, target);
        }
        // a used slot left empty (only for fewest hosts) stays; an empty slot without need is not opened by the objective
        long newCents = newObj / w;
        return new Outcome(true, newCents < oldCents, work, optimal, bound);
    }

    /**
     * A fleet-wide rule of dimension d (core.capacity.FailureHeadroom; for a pool its reserve instead of k): the
     * capacity of all hosts less the {@code reserve} largest covers the whole load. The largest are bounded by
     * reserve x the largest capacity M, exact for equal hosts and on the safe side otherwise.
     */
    private static void fleetRule(Flat f, Fleet fl, CpModel m, int d, int[] destroy, List<Integer> slotType, BoolVar[] y) {
        int dims = f.dims;
        double sc = f.scale[d];
        double capOut = 0;
        double largestOut = 0;
        double loadAll = 0;
        boolean[] skip = new boolean[fl.hosts.size()];
        for (int h : destroy) {
            skip[h] = true;
        }
        for (int h = 0; h < fl.hosts.size(); h++) {
            Fleet.Host x = fl.hosts.get(h);
            loadAll += x.load[d];
            if (!skip[h]) {
                capOut += f.cap[x.type * dims + d];
                largestOut = Math.max(largestOut, f.cap[x.type * dims + d]);
            }
        }
        if (Double.isInfinite(capOut)) {
            return; // a host without a limit in d: no fleet-wide limit
        }
        int reserve = f.reserve[d];
        LinearExprBuilder total = LinearExpr.newBuilder().add(Scale.capacity(capOut, sc));
        IntVar largest = reserve > 0 ? m.newIntVar(Scale.capacity(largestOut, sc), (long) 1e15, "M" + d) : null;
        for (int s = 0; s < slotType.size(); s++) {
            double cd = f.cap[slotType.get(s) * dims + d];
            if (Double.isInfinite(cd)) {
                return;
            }
            long c = Scale.capacity(cd, sc);
            total.addTerm(y[s], c);
            if (largest != null) {
                m.addGreaterOrEqual(LinearExpr.newBuilder().add(largest).addTerm(y[s], -c), 0);
            }
        }
        if (largest != null) {
            total.addTerm(largest, -reserve);
        }
        m.addGreaterOrEqual(total, (long) Math.ceil(loadAll * sc - 1e-7));
    }

    /** Hosts of type t that the freed instances need alone by volume (at most one per instance; a large number when none fits). */
    static int hostsToCarry(Flat f, List<Integer> freed, int t) {
        double need = 0;
        for (int d = 0; d < f.dims; d++) {
            double c = f.cap[t * f.dims + d];
            if (Double.isInfinite(c)) {
                continue;
            }
            double load = 0;
            for (int i : freed) {
                load += f.dem[i * f.dims + d];
            }
            need = Math.max(need, c > 0 ? load / c : (load > 0 ? Double.MAX_VALUE : 0));
        }
        return (int) Math.min(freed.size(), Math.ceil(need - 1e-9) + 1);
    }

    private static boolean isReceiver(int[] receivers, int h) {
        for (int r : receivers) {
            if (r == h) {
                return true;
            }
        }
        return false;
    }
}
